import { parentTechniqueId } from '../attack/technique-id.js';
import type { Evidence, EvidenceItem } from './gather-evidence.js';

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
 * Constant k of reciprocal rank fusion (Cormack, Clarke and Buettcher, SIGIR 2009): each source
 * adds k / (k + rank) for a candidate it ranks. The paper's 60 suits lists of 1,000 documents.
 * Our sources list 20 to 40 candidates, where k = 60 scores ranks 1 and 10 as 0.98 and 0.86,
 * so the fused rank mostly counts sources. Fits choose k from these values instead.
 */
export const fusionConstantGrid: readonly number[] = [60, 20, 10, 5, 2, 1, 0.5];

/** Whether features describe single techniques or whole families (a parent and its sub-techniques). */
export type FeatureLevel = 'technique' | 'family';

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
function platformMismatch(alert: ReadonlySet<string>, technique: readonly string[] | undefined): number {
  if (alert.size === 0 || !technique || technique.length === 0) return 0;
  return technique.some((platform) => alert.has(platform)) ? 0 : 1;
}

interface KeyStats {
  sum: number;
  max: number;
  rank: number;
}

type SourceTotals = Map<string, KeyStats>;

const none: KeyStats = { sum: 0, max: 0, rank: 0 };

function totals(items: readonly EvidenceItem[], keyOf: (id: string) => string, rankBy: 'sum' | 'max' = 'sum'): SourceTotals {
  const stats: SourceTotals = new Map();
  for (const { id, score } of items) {
    const key = keyOf(id);
    const entry = stats.get(key);
    if (entry) {
      entry.sum += score;
      if (score > entry.max) entry.max = score;
    } else {
      stats.set(key, { sum: score, max: score, rank: 0 });
    }
  }
  const ordered = [...stats.entries()].sort((a, b) => b[1][rankBy] - a[1][rankBy] || (a[0] < b[0] ? -1 : 1));
  ordered.forEach(([, entry], position) => {
    entry.rank = position + 1;
  });
  return stats;
}

function reciprocalRank(stats: KeyStats): number {
  return stats.rank === 0 ? 0 : 1 / stats.rank;
}

function fusedRank(sources: readonly SourceTotals[], key: string, constant: number): number {
  let fused = 0;
  for (const source of sources) {
    const rank = source.get(key)?.rank;
    if (rank !== undefined) fused += constant / (constant + rank);
  }
  return fused;
}

function nameOverlap(terms: readonly string[] | undefined, query: Set<string>): number {
  if (!terms || terms.length === 0) return 0;
  return terms.filter((term) => query.has(term)).length / terms.length;
}

/** What candidateFeatures computes and with which settings. */
export interface CandidateFeatureOptions {
  level: FeatureLevel;
  context: FeatureContext;
  /** Constant k of the fused-rank feature, from the fitted models. */
  fusionConstant: number;
  /** Keeps only the candidate keys for which it returns true. */
  include?: (key: string) => boolean;
}

/**
 * Turns evidence into one feature vector per candidate key: per technique at the technique
 * level, per parent technique at the family level (where a sub-technique's evidence counts
 * for its parent). Returns the vectors in a map keyed by technique or parent ID.
 */
export function candidateFeatures(evidence: Evidence, { level, context, fusionConstant, include }: CandidateFeatureOptions): Map<string, number[]> {
  const keyOf = level === 'family' ? parentTechniqueId : (id: string) => id;
  const lexicon = totals(evidence.lexicon, keyOf);
  const profile = totals(evidence.profile, keyOf, 'max');
  const neighbours = totals(evidence.neighbours, keyOf);
  const examples = totals(evidence.examples, keyOf);
  const titles = totals(evidence.exampleTitles, keyOf);
  const software = totals(evidence.software, keyOf);
  const attackBayes = totals(evidence.attackBayes, keyOf);
  const exampleBayes = totals(evidence.exampleBayes, keyOf);
  const prior = totals(evidence.prior, keyOf);
  const topProfile = evidence.profile[0]?.score ?? 0;

  const ids = new Set<string>();
  const lists = [evidence.lexicon, evidence.profile, evidence.neighbours, evidence.examples, evidence.exampleTitles, evidence.software, evidence.attackBayes, evidence.exampleBayes, evidence.prior];
  for (const list of lists) {
    for (const item of list) ids.add(item.id);
  }
  const names = new Map<string, number>();
  for (const id of ids) {
    const key = keyOf(id);
    if (include && !include(key)) continue;
    const overlap = Math.max(nameOverlap(context.nameTerms(id), evidence.queryTerms), key === id ? 0 : nameOverlap(context.nameTerms(key), evidence.queryTerms));
    names.set(key, Math.max(names.get(key) ?? 0, overlap));
  }

  const features = new Map<string, number[]>();
  for (const [key, name] of names) {
    const fromLexicon = lexicon.get(key) ?? none;
    const fromProfile = profile.get(key) ?? none;
    const fromNeighbours = neighbours.get(key) ?? none;
    const fromExamples = examples.get(key) ?? none;
    const fromTitles = titles.get(key) ?? none;
    features.set(key, [
      Math.min(fromLexicon.sum, 2),
      fromLexicon.max,
      fromProfile.max,
      topProfile > 0 ? fromProfile.max / topProfile : 0,
      reciprocalRank(fromProfile),
      Math.min(fromNeighbours.sum, 4),
      fromNeighbours.max,
      reciprocalRank(fromNeighbours),
      Math.min(fromExamples.sum, 4),
      fromExamples.max,
      reciprocalRank(fromExamples),
      Math.min(fromTitles.sum, 4),
      fromTitles.max,
      reciprocalRank(fromTitles),
      Math.min(software.get(key)?.sum ?? 0, 2),
      Math.min(attackBayes.get(key)?.sum ?? 0, 1),
      reciprocalRank(attackBayes.get(key) ?? none),
      Math.min(exampleBayes.get(key)?.sum ?? 0, 1),
      reciprocalRank(exampleBayes.get(key) ?? none),
      name,
      level === 'technique' && key.includes('.') ? 1 : 0,
      context.hasSubtechniques(key) ? 1 : 0,
      fusedRank([lexicon, profile, neighbours, examples, titles, software, attackBayes, exampleBayes], key, fusionConstant),
      Math.min(prior.get(key)?.sum ?? 0, 1),
      platformMismatch(evidence.platforms, context.platforms(key)),
    ]);
  }
  return features;
}
