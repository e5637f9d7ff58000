import { parentTechniqueId } from '../attack/technique-id.js';
import { candidateFeatures, type FeatureContext } from './candidate-features.js';
import type { EvidenceGatherer, HoldOut } from './gather-evidence.js';
import { fitLogistic, predictProbability, type LogisticModel } from './logistic-model.js';

/** The fitted models: one for the exact sub-technique and one for the family. */
export interface MappingModels {
  technique: LogisticModel;
  family: LogisticModel;
  /**
   * Family confidence from which a family other than the best one joins the predicted set,
   * chosen on the training queries when some of them have several gold IDs.
   */
  extraThreshold?: number;
  /** Source and number of the training queries, for reports. */
  trainedOn: { source: 'attack-procedures' | 'examples'; queries: number };
}

/** Thresholds tried for `extraThreshold`, from 0.2 to 0.9 in steps of 0.05. */
const thresholdGrid = Array.from({ length: 15 }, (_, step) => Math.round((0.2 + step * 0.05) * 100) / 100);

/**
 * Chooses the extra-family threshold that gives the best micro-averaged F1 at family level on
 * the training queries, where each query predicts its best family and every other family at
 * or above the threshold. The F1-optimal threshold depends on how good the model is (for
 * calibrated probabilities it is about half the best F1), so it is measured instead of fixed.
 */
export function chooseExtraThreshold(queries: readonly { probabilities: number[]; labels: (0 | 1)[] }[]): number {
  let best = { threshold: 0.5, f1: -1 };
  for (const threshold of thresholdGrid) {
    let tp = 0;
    let predicted = 0;
    let gold = 0;
    for (const { probabilities, labels } of queries) {
      const top = probabilities.indexOf(Math.max(...probabilities));
      probabilities.forEach((probability, position) => {
        if (position !== top && probability < threshold) return;
        predicted += 1;
        tp += labels[position]!;
      });
      gold += labels.reduce<number>((sum, label) => sum + label, 0);
    }
    const f1 = predicted + gold === 0 ? 0 : (2 * tp) / (predicted + gold);
    if (f1 > best.f1 + 1e-9) best = { threshold, f1 };
  }
  return best.threshold;
}

/** A labelled text that the models learn from, with the documents it must not see. */
export interface TrainingQuery {
  text: string;
  /** Rule name or signature of the query, when it has one. */
  title?: string;
  gold: readonly string[];
  holdOut: HoldOut;
}

const isSubtechnique = (id: string) => id.includes('.');

/** Most training queries used; more add build time without changing the fit much. */
export const maxTrainingQueries = 1000;

/** Picks up to `limit` items spread evenly over the list, so the choice is the same each run. */
export function spreadSample<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, position) => items[Math.floor(position * step)]!);
}

/**
 * Fits the technique and family models on labelled queries: each query's evidence is gathered
 * with its hold-out applied, every candidate becomes one row, and its label is 1 when the
 * candidate is in the query's gold set (technique level, sub-techniques only, because every
 * other technique stands for its family) or is the parent of a gold ID (family level).
 * Returns models whose outputs are calibrated probabilities, and the extra-family threshold.
 */
export function fitMappingModels(options: {
  gatherer: EvidenceGatherer;
  context: FeatureContext;
  queries: readonly TrainingQuery[];
  source: MappingModels['trainedOn']['source'];
  /** Weights set by us instead of fitted, by feature position. */
  fixed?: ReadonlyMap<number, number>;
}): MappingModels {
  const fixed = options.fixed ?? new Map<number, number>();
  const techniqueRows: number[][] = [];
  const techniqueLabels: (0 | 1)[] = [];
  const familyRows: number[][] = [];
  const familyLabels: (0 | 1)[] = [];
  const familyRowsOfQuery: [start: number, end: number][] = [];
  for (const query of options.queries) {
    const evidence = options.gatherer.gather(query.text, query.holdOut, query.title);
    const gold = new Set(query.gold);
    const goldFamilies = new Set(query.gold.map(parentTechniqueId));
    for (const [id, features] of candidateFeatures(evidence, 'technique', options.context, isSubtechnique)) {
      techniqueRows.push(features);
      techniqueLabels.push(gold.has(id) ? 1 : 0);
    }
    const start = familyRows.length;
    for (const [id, features] of candidateFeatures(evidence, 'family', options.context)) {
      familyRows.push(features);
      familyLabels.push(goldFamilies.has(id) ? 1 : 0);
    }
    familyRowsOfQuery.push([start, familyRows.length]);
  }
  const family = fitLogistic({ rows: familyRows, labels: familyLabels, fixed });
  const scored = familyRowsOfQuery
    .filter(([start, end]) => end > start)
    .map(([start, end]) => ({
      probabilities: familyRows.slice(start, end).map((row) => predictProbability(family, row)),
      labels: familyLabels.slice(start, end),
    }));
  return {
    technique: fitLogistic({ rows: techniqueRows, labels: techniqueLabels, fixed }),
    family,
    // Queries with one gold ID each (ATT&CK texts) always favour predicting one family. That
    // tells nothing about alerts with several techniques, so such queries keep the default.
    ...(options.queries.some((query) => query.gold.length > 1) ? { extraThreshold: chooseExtraThreshold(scored) } : {}),
    trainedOn: { source: options.source, queries: options.queries.length },
  };
}
