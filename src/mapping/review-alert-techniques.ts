import type { AttackIndex, TechniqueResolution } from '../attack/attack-index.js';
import { parentTechniqueId } from '../attack/technique-id.js';
import type { RankedTechniques } from './rank-techniques.js';
import type { QuestionableTechnique, TechniqueCandidate } from './technique-mapping.js';

/** Confidence given to a vendor tag that the alert text does not contradict. */
export const vendorTagPrior = 0.7;
/** Family confidence under which the text gives a tag no support at all. */
export const unsupportedFamilyConfidence = 0.05;
/** Confidence of another family from which an unsupported tag counts as questionable. */
export const contradictingFamilyConfidence = 0.5;

/** Ranked candidates after alert-carried IDs were checked, with notes and questionable tags. */
export interface ReviewedTechniques {
  candidates: TechniqueCandidate[];
  predicted: TechniqueCandidate[];
  notes: string[];
  questionable: QuestionableTechnique[];
}

interface ReviewState extends ReviewedTechniques {
  index: AttackIndex;
  familyConfidence: Map<string, number>;
}

function label(index: AttackIndex, id: string): string {
  return `${id} ${index.technique(id)?.displayName ?? ''}`.trim();
}

function upsert(state: ReviewState, id: string, confidence: number, evidence: string): TechniqueCandidate {
  let candidate = state.candidates.find((existing) => existing.id === id);
  if (!candidate) {
    candidate = { id, score: confidence, confidence, fromAlert: true, evidence: [] };
    state.candidates.push(candidate);
  }
  candidate.fromAlert = true;
  candidate.confidence = Math.max(candidate.confidence, confidence);
  candidate.score = candidate.confidence;
  candidate.evidence.unshift(evidence);
  return candidate;
}

/** Returns the sub-technique that the text clearly prefers among a tagged parent's sub-techniques. */
function refinement(state: ReviewState, parent: string, familyConfidence: number): TechniqueCandidate | undefined {
  const subs = state.candidates.filter((candidate) => candidate.id.startsWith(`${parent}.`));
  const [best, second] = subs;
  if (!best || best.confidence < familyConfidence * 0.2) return undefined;
  return !second || best.confidence >= 2 * second.confidence ? best : undefined;
}

/**
 * Orders candidates with the predicted ones first, in predicted order, and the rest as ranked,
 * so that any window of the first N candidates contains the predictions.
 */
export function predictedFirst(predicted: readonly TechniqueCandidate[], candidates: readonly TechniqueCandidate[]): TechniqueCandidate[] {
  const chosen = new Set(predicted);
  return [...predicted, ...candidates.filter((candidate) => !chosen.has(candidate))];
}

function topOtherFamily(state: ReviewState, family: string): [string, number] | undefined {
  return [...state.familyConfidence.entries()].filter(([id]) => id !== family).sort((a, b) => b[1] - a[1])[0];
}

function reviewOne(state: ReviewState, resolution: TechniqueResolution): TechniqueCandidate | undefined {
  if (resolution.note) state.notes.push(resolution.note);
  const technique = resolution.technique;
  if (!technique || resolution.status === 'deprecated') return undefined;
  const family = parentTechniqueId(technique.id);
  const support = state.familyConfidence.get(family) ?? 0;
  const other = topOtherFamily(state, family);
  if (support < unsupportedFamilyConfidence && other && other[1] >= contradictingFamilyConfidence) {
    const reason = `the alert is tagged ${resolution.input}, but nothing in its text points to ${label(state.index, technique.id)}; the text points to ${label(state.index, other[0])}`;
    state.questionable.push({ id: technique.id, reason });
    state.notes.push(`questionable ATT&CK tag: ${reason}`);
    upsert(state, technique.id, support, `the alert is tagged ${resolution.input}, which its text does not support`);
    return undefined;
  }
  const confidence = 1 - (1 - vendorTagPrior) * (1 - support);
  const tagged = upsert(state, technique.id, confidence, `the alert itself is tagged ${resolution.input}`);
  if (technique.isSubtechnique || state.index.subtechniques(technique.id).length === 0) return tagged;
  const refined = refinement(state, technique.id, support);
  if (!refined) return tagged;
  state.notes.push(`the alert is tagged ${technique.id} ${technique.name}; its text refines this to ${label(state.index, refined.id)}`);
  return upsert(state, refined.id, confidence, `refines the alert's own tag ${resolution.input} (${refined.evidence[0] ?? 'the alert text supports it'})`);
}

/**
 * Checks the technique IDs that the alert carries against the release and the alert text. A
 * revoked ID becomes its successor, and a parent becomes the sub-technique the text clearly
 * supports. A tag that the text contradicts is reported as questionable and not predicted.
 * Tags that pass lead the predicted set.
 */
export function reviewAlertTechniques(
  ranked: RankedTechniques,
  resolutions: readonly TechniqueResolution[],
  index: AttackIndex,
): ReviewedTechniques {
  const state: ReviewState = {
    // Review changes candidates only for alerts that carry IDs. Most alerts carry none, and
    // copying every candidate for them cost more than the review itself.
    candidates: resolutions.length === 0 ? [...ranked.candidates] : ranked.candidates.map((candidate) => ({ ...candidate, evidence: [...candidate.evidence] })),
    predicted: [],
    notes: [],
    questionable: [],
    index,
    familyConfidence: ranked.familyConfidence,
  };
  const accepted: TechniqueCandidate[] = [];
  for (const resolution of resolutions) {
    const candidate = reviewOne(state, resolution);
    if (candidate && !accepted.includes(candidate)) accepted.push(candidate);
  }
  // A tagged parent is dropped when a tagged or refined sub-technique of it was accepted.
  const acceptedTags = accepted.filter((candidate) => !accepted.some((other) => other.id.startsWith(`${candidate.id}.`)));
  const families = new Set(acceptedTags.map((candidate) => parentTechniqueId(candidate.id)));
  const questionable = new Set(state.questionable.map((item) => item.id));
  const rest = ranked.predicted
    .filter((candidate) => !families.has(parentTechniqueId(candidate.id)) && !questionable.has(candidate.id))
    .map((candidate) => state.candidates.find((existing) => existing.id === candidate.id)!);
  const predicted = [...acceptedTags, ...rest];
  return { candidates: predictedFirst(predicted, state.candidates), predicted, notes: state.notes, questionable: state.questionable };
}
