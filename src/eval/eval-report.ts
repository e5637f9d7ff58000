import type { ScoreResult } from './scorers/scorer.js';

/** Scores of one case; a scorer that does not apply to the case is absent. */
export interface CaseReport {
  id: string;
  format: string;
  tactics: string[];
  hostile: boolean;
  /** Techniques the explanation cited, canonical and in order. */
  cited: string[];
  scores: Record<string, ScoreResult>;
  /** True when every applicable scorer passed. */
  passed: boolean;
  /** Why no explanation could be scored: an unreadable alert, a failed backend, a missing line. */
  error?: string;
  /** Missing adapter or mapper feature that the suite expects this case to fail on. */
  knownGap?: string;
  /** Reason the suite leaves the case out; skipped cases have no scores. */
  skipped?: string;
}

export interface ScorerTotal {
  scorer: string;
  /** Cases the scorer applied to. */
  cases: number;
  passed: number;
  passRate: number;
  meanScore: number;
}

export interface ThresholdCheck {
  scorer: string;
  metric: 'passRate' | 'meanScore';
  required: number;
  actual: number;
  ok: boolean;
}

/** Everything one eval run found: per case and scorer, the totals and the threshold checks. */
export interface EvalReport {
  suite: { name: string; path: string; description?: string };
  /** Backend name, or "explanations" when explanations came from a file. */
  source: string;
  explanationsFile?: string;
  attackRelease: string;
  generatedAt: string;
  cases: CaseReport[];
  totals: ScorerTotal[];
  /** Name of the threshold set applied, if the suite has one for this source. */
  thresholdSet?: string;
  thresholds: ThresholdCheck[];
  /** False when any threshold check fails. */
  passed: boolean;
  /** Outcome of the optional model judge: ran, or skipped with the reason. */
  judge: { status: 'ran'; model: string; promptVersion: string } | { status: 'skipped'; reason: string };
}
