import { parentTechniqueId } from '../attack/technique-id.js';
import { visitCandidateFeatures, type FeatureContext } from './candidate-features.js';
import type { MappingModels } from './fit-mapping-models.js';
import type { Evidence } from './gather-evidence.js';
import { predictProbability } from './logistic-model.js';
import type { TechniqueCandidate } from './technique-mapping.js';

/** Confidence from which another family joins the predicted set, when the models do not set one. */
export const extraPredictionThreshold = 0.5;

/**
 * Share of its family's confidence that the best sub-technique needs to be predicted instead
 * of the parent. For one gold sub-technique, hierarchical F1 expects (P + p) / 2 from
 * predicting the sub-technique and 2P / 3 from predicting the parent, where P is the family's
 * confidence and p the sub-technique's; the sub-technique wins when p > P / 3.
 */
export const subtechniqueShare = 1 / 3;

/**
 * Share of its family's confidence that a sub-technique needs to be listed as a candidate of
 * its own. Below it the family entry stands for the sub-technique, so that the first 30
 * candidates span at least ten families for nearly every alert instead of one family's
 * unlikely sub-techniques. Prediction and tag refinement need a larger share anyway.
 */
export const listedSubtechniqueShare = 0.1;

/** Candidates kept per alert by default; evidence text is written only for these. */
export const rankedDepth = 30;

/** Ranked candidates and the predicted set, before alert-carried IDs are considered. */
export interface RankedTechniques {
  candidates: TechniqueCandidate[];
  predicted: TechniqueCandidate[];
  familyConfidence: Map<string, number>;
}

/** Compares by code unit, which is faster than localeCompare and enough for technique IDs. */
function compareText(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

interface SearchSummary {
  profile: Map<string, number>;
  neighbours: Map<string, number>;
  examples: Map<string, number>;
}

function summarizeSearch(evidence: Evidence): SearchSummary {
  const count = (items: Evidence['neighbours']) => {
    const counts = new Map<string, number>();
    for (const { id } of items) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  };
  return { profile: new Map(evidence.profile.map((item) => [item.id, item.score])), neighbours: count(evidence.neighbours), examples: count(evidence.examples) };
}

function describeSearch(summary: SearchSummary, id: string): string[] {
  const reasons: string[] = [];
  const profile = summary.profile.get(id);
  if (profile !== undefined) reasons.push(`its ATT&CK name and description resemble the alert text (cosine similarity ${profile.toFixed(2)})`);
  const neighbours = summary.neighbours.get(id);
  if (neighbours) reasons.push(`${neighbours} ATT&CK procedure example(s) or detection analytic(s) close to the alert text describe it`);
  const examples = summary.examples.get(id);
  if (examples) reasons.push(`${examples} labelled example(s) close to the alert text carry it`);
  return reasons;
}

function chooseForFamily(family: string, familyConfidence: number, members: TechniqueCandidate[]): TechniqueCandidate | undefined {
  const best = members.find((member) => member.id !== family);
  if (best && best.confidence > familyConfidence * subtechniqueShare) return best;
  return members.find((member) => member.id === family);
}

/** One listed candidate before it becomes a TechniqueCandidate: its ID, family and rounded confidences. */
interface RankedEntry {
  id: string;
  family: string;
  familyConfidence: number;
  isSub: boolean;
  confidence: number;
}

/** The models' confidence for every family and every sub-technique of one alert. */
interface CandidateConfidence {
  families: Map<string, number>;
  subtechniques: { id: string; confidence: number }[];
}

function candidateConfidence(evidence: Evidence, models: MappingModels, context: FeatureContext): CandidateConfidence {
  const confidence: CandidateConfidence = { families: new Map(), subtechniques: [] };
  // Families come first, so every sub-technique's family is scored before the sub-technique.
  visitCandidateFeatures(evidence, { context, fusionConstant: models.fusionConstant }, (id, isSubtechnique, vector) => {
    if (isSubtechnique) confidence.subtechniques.push({ id, confidence: predictProbability(models.technique, vector) });
    else confidence.families.set(id, predictProbability(models.family, vector));
  });
  return confidence;
}

/**
 * Lists every family and each sub-technique with at least `listedSubtechniqueShare` of its
 * family's confidence, ordered by family confidence, the parent before its sub-techniques,
 * these by confidence. A parent or a technique without sub-techniques stands for its whole
 * family and carries the family's confidence; only sub-techniques are scored on their own.
 */
function rankedEntries({ families, subtechniques }: CandidateConfidence): RankedEntry[] {
  const entries: RankedEntry[] = [];
  for (const [family, confidence] of families) {
    entries.push({ id: family, family, familyConfidence: confidence, isSub: false, confidence: round(confidence) });
  }
  for (const { id, confidence } of subtechniques) {
    const family = parentTechniqueId(id);
    const ofFamily = families.get(family) ?? 0;
    if (confidence < ofFamily * listedSubtechniqueShare) continue;
    entries.push({ id, family, familyConfidence: ofFamily, isSub: true, confidence: round(confidence) });
  }
  return entries.sort(
    (a, b) =>
      b.familyConfidence - a.familyConfidence ||
      compareText(a.family, b.family) ||
      Number(a.isSub) - Number(b.isSub) ||
      b.confidence - a.confidence ||
      compareText(a.id, b.id),
  );
}

function describedCandidate(entry: RankedEntry, evidence: Evidence, summary: SearchSummary): TechniqueCandidate {
  const described = [...(evidence.reasons.get(entry.id) ?? []), ...describeSearch(summary, entry.id)];
  if (described.length === 0) described.push('its sub-techniques have support in the alert text');
  return { id: entry.id, score: entry.confidence, confidence: entry.confidence, fromAlert: false, evidence: described };
}

/**
 * Scores every candidate with the fitted models and chooses the predicted set: the best
 * family always, other families from the models' extra threshold, each as its best
 * sub-technique or, when the evidence cannot separate its sub-techniques, as the parent.
 */
export function rankTechniques(evidence: Evidence, models: MappingModels, context: FeatureContext, limit = rankedDepth): RankedTechniques {
  const confidence = candidateConfidence(evidence, models, context);
  const familyConfidence = confidence.families;
  const entries = rankedEntries(confidence);
  // Candidates and their evidence text are made only for the kept entries, because formatting
  // evidence for every candidate costs more than scoring them.
  const summary = summarizeSearch(evidence);
  const topEntries = entries.slice(0, limit).map((entry) => ({ family: entry.family, candidate: describedCandidate(entry, evidence, summary) }));
  const candidates = topEntries.map((entry) => entry.candidate);

  const membersOf = new Map<string, TechniqueCandidate[]>();
  for (const { candidate, family } of topEntries) {
    const members = membersOf.get(family);
    if (members) members.push(candidate);
    else membersOf.set(family, [candidate]);
  }
  const predicted: TechniqueCandidate[] = [];
  const threshold = models.extraThreshold ?? extraPredictionThreshold;
  // Entries list every family once, in order of family confidence, before its sub-techniques.
  let position = 0;
  for (const entry of entries) {
    if (entry.isSub) continue;
    if (position > 0 && entry.familyConfidence < threshold) break;
    position += 1;
    const chosen = chooseForFamily(entry.family, entry.familyConfidence, membersOf.get(entry.family) ?? []);
    if (chosen) predicted.push(chosen);
  }
  return { candidates, predicted, familyConfidence };
}
