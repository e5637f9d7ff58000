import type { Alert } from '../alert/alert-schema.js';
import type { TechniqueResolution } from '../attack/attack-index.js';

/** One ranked technique for an alert, with the evidence that put it there. */
export interface TechniqueCandidate {
  /** Canonical ID of an active technique in the loaded release. */
  id: string;
  /** Ranking score, equal to the confidence in this mapper and kept for callers that sort by it. */
  score: number;
  /**
   * Estimated probability, from 0 to 1, that the technique is right for the alert. For a
   * parent technique that has sub-techniques, it is the probability that the alert belongs
   * to that family (the parent or any of its sub-techniques).
   */
  confidence: number;
  /** True when the alert itself carries this ID (or one that resolves to it). */
  fromAlert: boolean;
  /** Readable reasons: the alert field, matched terms or lexicon entries. */
  evidence: string[];
}

/** A technique ID that the alert carries but its text does not support. */
export interface QuestionableTechnique {
  id: string;
  /** Plain sentence giving the reason, for the explanation. */
  reason: string;
}

export interface TechniqueMapping {
  /** Candidates, best first. */
  candidates: TechniqueCandidate[];
  /** The candidates the mapper predicts, sized by confidence (at least one when any exist). */
  predicted: TechniqueCandidate[];
  /** How each technique ID that the alert carries resolved against the loaded release. */
  alertIds: TechniqueResolution[];
  /** Remarks for the explanation, such as an unknown or revoked ID in the alert. */
  notes: string[];
  /**
   * Technique IDs that the alert carries but that do not fit its text. They are never in
   * `predicted`. The mapper always sets this field, which is optional so that hand-built
   * mappings may leave it out.
   */
  questionable?: QuestionableTechnique[];
}

export interface MapOptions {
  /** Maximum number of candidates to return. */
  limit?: number;
}

/** Ranks ATT&CK techniques for alerts. Implementations must be synchronous and fast. */
export interface TechniqueMapper {
  map(alert: Alert, options?: MapOptions): TechniqueMapping;
}
