import { parentTechniqueId } from '../../attack/technique-id.js';

/** True positives, false positives and false negatives of one comparison, or a sum of them. */
export interface MatchCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Precision, recall and F1 of summed counts; each is 0 when its denominator is 0. */
export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}

/** Counts how the predicted IDs match the gold IDs, each set taken without repeats. */
export function countMatches(predicted: Iterable<string>, gold: Iterable<string>): MatchCounts {
  const predictedSet = new Set(predicted);
  const goldSet = new Set(gold);
  let tp = 0;
  for (const id of predictedSet) if (goldSet.has(id)) tp += 1;
  return { tp, fp: predictedSet.size - tp, fn: goldSet.size - tp };
}

/** Adds counts, for micro-averaging over rules. */
export function addCounts(total: MatchCounts, counts: MatchCounts): MatchCounts {
  return { tp: total.tp + counts.tp, fp: total.fp + counts.fp, fn: total.fn + counts.fn };
}

/** Computes precision, recall and F1 from counts. */
export function precisionRecall({ tp, fp, fn }: MatchCounts): PrecisionRecall {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Cuts every ID to its parent technique (`T1053.002` gives `T1053`), without repeats. */
export function toParents(ids: Iterable<string>): string[] {
  return [...new Set([...ids].map(parentTechniqueId))];
}

/** Closes a set of IDs under their parents: `T1053.002` also yields `T1053`. */
export function closeUnderParents(ids: Iterable<string>): string[] {
  const closed = new Set<string>();
  for (const id of ids) {
    closed.add(id);
    closed.add(parentTechniqueId(id));
  }
  return [...closed];
}

/**
 * Counts how many gold parent techniques appear among the first k distinct parents of a
 * ranked list. The list is cut to parents first, so two sub-techniques of one parent take
 * one of the k places.
 */
export function parentHitsAt(ranked: readonly string[], gold: Iterable<string>, k: number): { hits: number; total: number } {
  const top = toParents(ranked).slice(0, k);
  const goldParents = toParents(gold);
  const hits = goldParents.filter((id) => top.includes(id)).length;
  return { hits, total: goldParents.length };
}

/** Scores of one rule at the three levels the evaluation reports. */
export interface RuleScores {
  exact: MatchCounts;
  parent: MatchCounts;
  hierarchical: MatchCounts;
  at5: { hits: number; total: number };
  at10: { hits: number; total: number };
}

/** Scores one rule's predicted set and ranked list against its gold IDs. */
export function scoreRule(predicted: readonly string[], ranked: readonly string[], gold: readonly string[]): RuleScores {
  return {
    exact: countMatches(predicted, gold),
    parent: countMatches(toParents(predicted), toParents(gold)),
    hierarchical: countMatches(closeUnderParents(predicted), closeUnderParents(gold)),
    at5: parentHitsAt(ranked, gold, 5),
    at10: parentHitsAt(ranked, gold, 10),
  };
}
