import { closeUnderParents, addCounts, precisionRecall, scoreRule, toParents, type MatchCounts } from './mapping-metrics.js';

/** One scored rule: its gold IDs and what the mapper returned. */
export interface RuleOutcome {
  id: string;
  title: string;
  description: string;
  gold: string[];
  /** ATT&CK tactic shortnames of the gold techniques. */
  tactics: string[];
  predicted: { id: string; confidence: number }[];
  ranked: { id: string; confidence: number }[];
}

/** Accuracy figures over a set of outcomes, micro-averaged over rules. */
export interface AccuracySummary {
  n: number;
  exactPrecision: number;
  exactRecall: number;
  exactF1: number;
  parentPrecision: number;
  parentRecall: number;
  parentF1: number;
  hierarchicalPrecision: number;
  hierarchicalRecall: number;
  hierarchicalF1: number;
  parentRecallAt5: number;
  parentRecallAt10: number;
  /** Mean size of the predicted set. */
  meanPredicted: number;
}

/** One confidence bin of the reliability table. */
export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  /** Share of the bin's candidates that are in the gold set closed under parents. */
  accuracy: number;
}

const zero: MatchCounts = { tp: 0, fp: 0, fn: 0 };

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/** Computes micro-averaged precision, recall and F1 at three levels and parent recall at 5 and 10. */
export function summarizeAccuracy(outcomes: readonly RuleOutcome[]): AccuracySummary {
  let exact = zero;
  let parent = zero;
  let hierarchical = zero;
  const at5 = { hits: 0, total: 0 };
  const at10 = { hits: 0, total: 0 };
  let predictedCount = 0;
  for (const outcome of outcomes) {
    const scores = scoreRule(outcome.predicted.map((item) => item.id), outcome.ranked.map((item) => item.id), outcome.gold);
    exact = addCounts(exact, scores.exact);
    parent = addCounts(parent, scores.parent);
    hierarchical = addCounts(hierarchical, scores.hierarchical);
    at5.hits += scores.at5.hits;
    at5.total += scores.at5.total;
    at10.hits += scores.at10.hits;
    at10.total += scores.at10.total;
    predictedCount += outcome.predicted.length;
  }
  const e = precisionRecall(exact);
  const p = precisionRecall(parent);
  const h = precisionRecall(hierarchical);
  return {
    n: outcomes.length,
    exactPrecision: round(e.precision),
    exactRecall: round(e.recall),
    exactF1: round(e.f1),
    parentPrecision: round(p.precision),
    parentRecall: round(p.recall),
    parentF1: round(p.f1),
    hierarchicalPrecision: round(h.precision),
    hierarchicalRecall: round(h.recall),
    hierarchicalF1: round(h.f1),
    parentRecallAt5: round(at5.total === 0 ? 0 : at5.hits / at5.total),
    parentRecallAt10: round(at10.total === 0 ? 0 : at10.hits / at10.total),
    meanPredicted: round(outcomes.length === 0 ? 0 : predictedCount / outcomes.length),
  };
}

/**
 * Bins the confidence of each rule's first `depth` ranked candidates into `bins` equal
 * intervals and reports how often candidates in each bin were right. Returns the table and
 * the expected calibration error (the count-weighted mean gap between confidence and accuracy).
 */
export function reliabilityTable(outcomes: readonly RuleOutcome[], bins = 10, depth = 10): { table: ReliabilityBin[]; expectedCalibrationError: number } {
  const sums = Array.from({ length: bins }, () => ({ count: 0, confidence: 0, correct: 0 }));
  for (const outcome of outcomes) {
    const gold = new Set(closeUnderParents(outcome.gold));
    for (const item of outcome.ranked.slice(0, depth)) {
      const bin = sums[Math.min(bins - 1, Math.floor(item.confidence * bins))]!;
      bin.count += 1;
      bin.confidence += item.confidence;
      bin.correct += gold.has(item.id) ? 1 : 0;
    }
  }
  const total = sums.reduce((sum, bin) => sum + bin.count, 0);
  let gap = 0;
  const table = sums.map((bin, position) => {
    const meanConfidence = bin.count === 0 ? 0 : bin.confidence / bin.count;
    const accuracy = bin.count === 0 ? 0 : bin.correct / bin.count;
    gap += total === 0 ? 0 : (bin.count / total) * Math.abs(meanConfidence - accuracy);
    return { from: position / bins, to: (position + 1) / bins, count: bin.count, meanConfidence: round(meanConfidence), accuracy: round(accuracy) };
  });
  return { table, expectedCalibrationError: round(gap) };
}

/** Returns hierarchical F1 and parent recall at 5 for the rules of each gold tactic. */
export function perTacticSummary(outcomes: readonly RuleOutcome[]): { tactic: string; n: number; hierarchicalF1: number; parentRecallAt5: number }[] {
  const byTactic = new Map<string, RuleOutcome[]>();
  for (const outcome of outcomes) {
    for (const tactic of new Set(outcome.tactics)) byTactic.set(tactic, [...(byTactic.get(tactic) ?? []), outcome]);
  }
  return [...byTactic.entries()]
    .map(([tactic, list]) => {
      const summary = summarizeAccuracy(list);
      return { tactic, n: list.length, hierarchicalF1: summary.hierarchicalF1, parentRecallAt5: summary.parentRecallAt5 };
    })
    .sort((a, b) => b.n - a.n || a.tactic.localeCompare(b.tactic));
}

/** A rule the mapper got most wrong, with its text for reading. */
export interface Miss {
  id: string;
  title: string;
  description: string;
  gold: string[];
  predicted: string[];
  /** Position (1-based) of the first gold parent among the ranked parents, or null when absent. */
  firstGoldParentRank: number | null;
}

/** Lists the worst misses: lowest hierarchical F1 first, then the gold parent ranked lowest or not at all. */
export function worstMisses(outcomes: readonly RuleOutcome[], count = 20): Miss[] {
  const misses = outcomes.map((outcome) => {
    const predicted = outcome.predicted.map((item) => item.id);
    const scores = precisionRecall(scoreRule(predicted, [], outcome.gold).hierarchical);
    const parents = toParents(outcome.ranked.map((item) => item.id));
    const goldParents = new Set(toParents(outcome.gold));
    const position = parents.findIndex((id) => goldParents.has(id));
    return {
      f1: scores.f1,
      miss: {
        id: outcome.id,
        title: outcome.title,
        description: outcome.description.length > 300 ? `${outcome.description.slice(0, 297)}...` : outcome.description,
        gold: outcome.gold,
        predicted,
        firstGoldParentRank: position === -1 ? null : position + 1,
      },
    };
  });
  const rank = (miss: Miss) => miss.firstGoldParentRank ?? Number.MAX_SAFE_INTEGER;
  return misses
    .sort((a, b) => a.f1 - b.f1 || rank(b.miss) - rank(a.miss) || a.miss.id.localeCompare(b.miss.id))
    .slice(0, count)
    .map((entry) => entry.miss);
}
