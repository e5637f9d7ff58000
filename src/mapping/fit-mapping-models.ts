import { parentTechniqueId } from '../attack/technique-id.js';
import { candidateFeatures, type CandidateFeatures, type FeatureContext } from './candidate-features.js';
import type { Evidence, EvidenceGatherer, HoldOut } from './gather-evidence.js';
import { fitLogistic, predictProbability, type LogisticModel } from './logistic-model.js';

/** The fitted models: one for the exact sub-technique and one for the family. */
export interface MappingModels {
  technique: LogisticModel;
  family: LogisticModel;
  /** Constant k of the fused-rank feature that both models were fitted with. */
  fusionConstant: number;
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

/** Most training queries used; more add build time without changing the fit much. */
export const maxTrainingQueries = 1000;

/** Picks up to `limit` items spread evenly over the list, so the choice is the same each run. */
export function spreadSample<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, position) => items[Math.floor(position * step)]!);
}

interface TrainingRows {
  rows: number[][];
  labels: (0 | 1)[];
  /** Start and end row of each query. */
  rowsOfQuery: [start: number, end: number][];
}

/** Feature vectors of each training query's candidates at one level, with gold labels. */
function trainingRows(features: readonly CandidateFeatures[], queries: readonly TrainingQuery[], level: 'family' | 'subtechnique'): TrainingRows {
  const result: TrainingRows = { rows: [], labels: [], rowsOfQuery: [] };
  features.forEach((queryFeatures, position) => {
    const gold = queries[position]!.gold;
    const positives = new Set(level === 'family' ? gold.map(parentTechniqueId) : gold);
    const start = result.rows.length;
    for (const [id, vector] of level === 'family' ? queryFeatures.families : queryFeatures.subtechniques) {
      result.rows.push(vector);
      result.labels.push(positives.has(id) ? 1 : 0);
    }
    result.rowsOfQuery.push([start, result.rows.length]);
  });
  return result;
}

function logLikelihood(model: LogisticModel, { rows, labels }: TrainingRows): number {
  let total = 0;
  rows.forEach((row, position) => {
    const probability = Math.min(Math.max(predictProbability(model, row), 1e-12), 1 - 1e-12);
    total += labels[position] === 1 ? Math.log(probability) : Math.log(1 - probability);
  });
  return total;
}

/** Training queries on which the fusion constant is chosen; the final models use every query. */
export const fusionChoiceQueries = 300;

/**
 * Fits the family model once per fusion constant on a spread sample of the queries and
 * returns the constant with the highest log-likelihood. Throws when no constant is given.
 */
function chooseFusionConstant(evidence: readonly Evidence[], queries: readonly TrainingQuery[], options: FitMappingModelsOptions): number {
  const [first, ...others] = options.fusionConstants;
  if (first === undefined) throw new Error('Internal error: fitMappingModels needs at least one fusion constant.');
  if (others.length === 0) return first;
  const sample = spreadSample(queries.map((_, position) => position), fusionChoiceQueries);
  const sampleEvidence = sample.map((position) => evidence[position]!);
  const sampleQueries = sample.map((position) => queries[position]!);
  let best = { fusionConstant: first, logLikelihood: Number.NEGATIVE_INFINITY };
  for (const fusionConstant of options.fusionConstants) {
    const features = sampleEvidence.map((queryEvidence) => candidateFeatures(queryEvidence, { context: options.context, fusionConstant, subtechniques: false }));
    const rows = trainingRows(features, sampleQueries, 'family');
    const model = fitLogistic({ rows: rows.rows, labels: rows.labels, ...(options.fixed ? { fixed: options.fixed } : {}) });
    const fit = logLikelihood(model, rows);
    if (fit > best.logLikelihood) best = { fusionConstant, logLikelihood: fit };
  }
  return best.fusionConstant;
}

export interface FitMappingModelsOptions {
  gatherer: EvidenceGatherer;
  context: FeatureContext;
  queries: readonly TrainingQuery[];
  source: MappingModels['trainedOn']['source'];
  /** Fusion constants to try. The one whose family model fits a sample of the queries best is kept. */
  fusionConstants: readonly number[];
  /** Weights set by us instead of fitted, by feature position. */
  fixed?: ReadonlyMap<number, number>;
}

/**
 * Fits the technique and family models on labelled queries. Each query's evidence is gathered
 * with its hold-out applied, and every candidate becomes one row. At family level a row's
 * label is 1 when the candidate is the parent of a gold ID. At technique level only
 * sub-techniques get rows, because every other technique stands for its family, and the
 * label is 1 when the sub-technique is gold. Returns models whose outputs are calibrated
 * probabilities, the fusion constant with the best family fit, and the extra-family
 * threshold. Throws when no fusion constant is given.
 */
export function fitMappingModels(options: FitMappingModelsOptions): MappingModels {
  const queries = options.queries;
  const evidence = queries.map((query) => options.gatherer.gather(query.text, query.holdOut, query.title));
  const fusionConstant = chooseFusionConstant(evidence, queries, options);
  const fixed = options.fixed ? { fixed: options.fixed } : {};
  const features = evidence.map((queryEvidence) => candidateFeatures(queryEvidence, { context: options.context, fusionConstant }));
  const familyRows = trainingRows(features, queries, 'family');
  const family = fitLogistic({ rows: familyRows.rows, labels: familyRows.labels, ...fixed });
  const techniqueRows = trainingRows(features, queries, 'subtechnique');
  const scored = familyRows.rowsOfQuery
    .filter(([start, end]) => end > start)
    .map(([start, end]) => ({
      probabilities: familyRows.rows.slice(start, end).map((row) => predictProbability(family, row)),
      labels: familyRows.labels.slice(start, end),
    }));
  return {
    technique: fitLogistic({ rows: techniqueRows.rows, labels: techniqueRows.labels, ...fixed }),
    family,
    fusionConstant,
    // Queries with one gold ID each (ATT&CK texts) always favour predicting one family. That
    // tells nothing about alerts with several techniques, so such queries keep the default.
    ...(queries.some((query) => query.gold.length > 1) ? { extraThreshold: chooseExtraThreshold(scored) } : {}),
    trainedOn: { source: options.source, queries: queries.length },
  };
}
