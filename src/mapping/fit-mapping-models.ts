import { parentTechniqueId } from '../attack/technique-id.js';
import { candidateFeatures, type FeatureContext } from './candidate-features.js';
import type { EvidenceGatherer, HoldOut } from './gather-evidence.js';
import { fitLogistic, type LogisticModel } from './logistic-model.js';

/** The two fitted models: is this exact technique right, and is this family right. */
export interface MappingModels {
  technique: LogisticModel;
  family: LogisticModel;
  /** Source and number of the training queries, for reports. */
  trainedOn: { source: 'attack-procedures' | 'examples'; queries: number };
}

/** A labelled text that the models learn from, with the documents it must not see. */
export interface TrainingQuery {
  text: string;
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
 * other technique stands for its family) or is the parent of a gold ID (family level). Returns models whose outputs are calibrated probabilities.
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
  for (const query of options.queries) {
    const evidence = options.gatherer.gather(query.text, query.holdOut);
    const gold = new Set(query.gold);
    const goldFamilies = new Set(query.gold.map(parentTechniqueId));
    for (const [id, features] of candidateFeatures(evidence, 'technique', options.context, isSubtechnique)) {
      techniqueRows.push(features);
      techniqueLabels.push(gold.has(id) ? 1 : 0);
    }
    for (const [id, features] of candidateFeatures(evidence, 'family', options.context)) {
      familyRows.push(features);
      familyLabels.push(goldFamilies.has(id) ? 1 : 0);
    }
  }
  return {
    technique: fitLogistic({ rows: techniqueRows, labels: techniqueLabels, fixed }),
    family: fitLogistic({ rows: familyRows, labels: familyLabels, fixed }),
    trainedOn: { source: options.source, queries: options.queries.length },
  };
}
