import { candidateStatistics, sourceSlot, type KeyStats } from './candidate-statistics.js';
import type { Evidence } from './gather-evidence.js';

/** Names of the model inputs, in vector order; the model adds its own intercept. */
export const featureNames = [
  'lexiconSum',
  'lexiconMax',
  'profileMax',
  'profileRelative',
  'profileReciprocalRank',
  'neighbourSum',
  'neighbourMax',
  'neighbourReciprocalRank',
  'exampleSum',
  'exampleMax',
  'exampleReciprocalRank',
  'titleSum',
  'titleMax',
  'titleReciprocalRank',
  'software',
  'attackBayesSum',
  'attackBayesReciprocalRank',
  'exampleBayesSum',
  'exampleBayesReciprocalRank',
  'nameOverlap',
  'isSubtechnique',
  'hasSubtechniques',
  'fusedRank',
  'prior',
  'platformMismatch',
] as const;

/**
 * Constants k of reciprocal rank fusion (Cormack, Clarke and Buettcher, SIGIR 2009) that a fit
 * chooses from. Each source adds k / (k + rank) for a candidate it ranks. Our sources list 10
 * to 40 candidates, where the usual k = 60 scores ranks 1 and 10 as 0.98 and 0.86, so the fused
 * rank would mostly count sources.
 */
export const fusionConstantGrid: readonly number[] = [60, 20, 10, 5, 2, 1, 0.5];

/** Lookups that features need beyond the evidence. */
export interface FeatureContext {
  /** Stemmed words of a technique's own name. */
  nameTerms(id: string): readonly string[] | undefined;
  /** True when the technique is a parent with sub-techniques. */
  hasSubtechniques(id: string): boolean;
  /** ATT&CK platforms of a technique. */
  platforms(id: string): readonly string[] | undefined;
}

/** Returns 1 when the alert names platforms and the technique runs on none of them, else 0. */
function platformMismatch(alert: ReadonlySet<string>, key: string, context: FeatureContext): number {
  if (alert.size === 0) return 0;
  const technique = context.platforms(key);
  if (!technique || technique.length === 0) return 0;
  for (const platform of technique) if (alert.has(platform)) return 0;
  return 1;
}

/** Feature vectors of one alert's candidates, keyed by family (parent) ID and by sub-technique ID. */
export interface CandidateFeatures {
  families: Map<string, number[]>;
  subtechniques: Map<string, number[]>;
}

/** Settings of candidateFeatures. */
export interface CandidateFeatureOptions {
  context: FeatureContext;
  /** Constant k of the fused-rank feature, from the fitted models. */
  fusionConstant: number;
  /** False leaves the sub-technique vectors out, for callers that need families only. */
  subtechniques?: boolean;
}

interface VectorInputs {
  evidence: Evidence;
  /** Similarity of the closest profile, the same for every candidate of one alert. */
  topProfile: number;
  options: CandidateFeatureOptions;
}

/** Writes one key's features into `out`, in the order of featureNames. */
function writeFeatures(stats: KeyStats, isSubtechnique: boolean, { evidence, topProfile, options: { context, fusionConstant } }: VectorInputs, out: number[]): void {
  const key = stats.key;
  out[0] = Math.min(stats.sum(sourceSlot.lexicon), 2);
  out[1] = stats.max(sourceSlot.lexicon);
  out[2] = stats.max(sourceSlot.profile);
  out[3] = topProfile > 0 ? stats.max(sourceSlot.profile) / topProfile : 0;
  out[4] = stats.reciprocalRank(sourceSlot.profile);
  out[5] = Math.min(stats.sum(sourceSlot.neighbours), 4);
  out[6] = stats.max(sourceSlot.neighbours);
  out[7] = stats.reciprocalRank(sourceSlot.neighbours);
  out[8] = Math.min(stats.sum(sourceSlot.examples), 4);
  out[9] = stats.max(sourceSlot.examples);
  out[10] = stats.reciprocalRank(sourceSlot.examples);
  out[11] = Math.min(stats.sum(sourceSlot.exampleTitles), 4);
  out[12] = stats.max(sourceSlot.exampleTitles);
  out[13] = stats.reciprocalRank(sourceSlot.exampleTitles);
  out[14] = Math.min(stats.sum(sourceSlot.software), 2);
  out[15] = Math.min(stats.sum(sourceSlot.attackBayes), 1);
  out[16] = stats.reciprocalRank(sourceSlot.attackBayes);
  out[17] = Math.min(stats.sum(sourceSlot.exampleBayes), 1);
  out[18] = stats.reciprocalRank(sourceSlot.exampleBayes);
  out[19] = stats.nameOverlap;
  out[20] = isSubtechnique ? 1 : 0;
  out[21] = context.hasSubtechniques(key) ? 1 : 0;
  out[22] = stats.fusedRank(fusionConstant);
  out[23] = Math.min(stats.sum(sourceSlot.prior), 1);
  out[24] = platformMismatch(evidence.platforms, key, context);
}

/**
 * Calls `visit` with the feature vector of every family, then of every sub-technique unless
 * options leave them out. A family's vector counts its sub-techniques' evidence. Parents and
 * techniques without sub-techniques stand for their family and get no vector of their own.
 * The vector is one array reused for every call, so a visitor that keeps it must copy it.
 */
export function visitCandidateFeatures(evidence: Evidence, options: CandidateFeatureOptions, visit: (key: string, isSubtechnique: boolean, vector: readonly number[]) => void): void {
  const { techniques, families } = candidateStatistics(evidence, (id) => options.context.nameTerms(id));
  const inputs: VectorInputs = { evidence, topProfile: evidence.profile[0]?.score ?? 0, options };
  const vector = new Array<number>(featureNames.length).fill(0);
  for (const [key, stats] of families) {
    writeFeatures(stats, false, inputs, vector);
    visit(key, false, vector);
  }
  if (options.subtechniques === false) return;
  for (const [key, stats] of techniques) {
    if (!key.includes('.')) continue;
    writeFeatures(stats, true, inputs, vector);
    visit(key, true, vector);
  }
}

/**
 * Turns one alert's evidence into feature vectors: one per family, where a sub-technique's
 * evidence counts for its parent, and one per sub-technique. Parents and techniques without
 * sub-techniques stand for their family, so they get no vector of their own.
 */
export function candidateFeatures(evidence: Evidence, options: CandidateFeatureOptions): CandidateFeatures {
  const result: CandidateFeatures = { families: new Map(), subtechniques: new Map() };
  visitCandidateFeatures(evidence, options, (key, isSubtechnique, vector) => {
    (isSubtechnique ? result.subtechniques : result.families).set(key, [...vector]);
  });
  return result;
}
