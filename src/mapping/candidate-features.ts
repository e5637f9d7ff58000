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
  'nameOverlap',
  'isSubtechnique',
  'hasSubtechniques',
  'fusedRank',
  'prior',
  'platformMismatch',
] as const;

/**
 * Constant of reciprocal rank fusion (Cormack, Clarke and Buettcher, SIGIR 2009): each source
 * adds k / (k + rank) for a candidate it ranks. 60 is the value from that paper, used as is.
 */
export const fusionConstant = 60;

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

interface SourceTotals {
  sum: Map<string, number>;
  max: Map<string, number>;
  rank: Map<string, number>;
  reciprocalRank: Map<string, number>;
}

function totals(items: readonly EvidenceItem[], keyOf: (id: string) => string, rankBy: 'sum' | 'max' = 'sum'): SourceTotals {
  const sum = new Map<string, number>();
  const max = new Map<string, number>();
  for (const { id, score } of items) {
    const key = keyOf(id);
    sum.set(key, (sum.get(key) ?? 0) + score);
    max.set(key, Math.max(max.get(key) ?? 0, score));
  }
  const rank = new Map<string, number>();
  const reciprocalRank = new Map<string, number>();
  [...(rankBy === 'sum' ? sum : max).entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .forEach(([key], position) => {
      rank.set(key, position + 1);
      reciprocalRank.set(key, 1 / (position + 1));
    });
  return { sum, max, rank, reciprocalRank };
}

function fusedRank(sources: readonly SourceTotals[], key: string): number {
  let fused = 0;
  for (const source of sources) {
    const rank = source.rank.get(key);
    if (rank !== undefined) fused += fusionConstant / (fusionConstant + rank);
  }
  return fused;
}

function nameOverlap(terms: readonly string[] | undefined, query: Set<string>): number {
  if (!terms || terms.length === 0) return 0;
  return terms.filter((term) => query.has(term)).length / terms.length;
}

/**
 * Turns evidence into one feature vector per candidate key: per technique at the technique
 * level, per parent technique at the family level (where a sub-technique's evidence counts
 * for its parent). Returns the vectors in a map keyed by technique or parent ID.
 */
export function candidateFeatures(evidence: Evidence, level: FeatureLevel, context: FeatureContext, include?: (key: string) => boolean): Map<string, number[]> {
  const keyOf = level === 'family' ? parentTechniqueId : (id: string) => id;
  const lexicon = totals(evidence.lexicon, keyOf);
  const profile = totals(evidence.profile, keyOf, 'max');
  const neighbours = totals(evidence.neighbours, keyOf);
  const examples = totals(evidence.examples, keyOf);
  const titles = totals(evidence.exampleTitles, keyOf);
  const software = totals(evidence.software, keyOf);
  const prior = totals(evidence.prior, keyOf);
  const topProfile = evidence.profile[0]?.score ?? 0;

  const ids = new Set<string>();
  for (const list of [evidence.lexicon, evidence.profile, evidence.neighbours, evidence.examples, evidence.exampleTitles, evidence.software, evidence.prior]) {
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
    const profileMax = profile.max.get(key) ?? 0;
    features.set(key, [
      Math.min(lexicon.sum.get(key) ?? 0, 2),
      lexicon.max.get(key) ?? 0,
      profileMax,
      topProfile > 0 ? profileMax / topProfile : 0,
      profile.reciprocalRank.get(key) ?? 0,
      Math.min(neighbours.sum.get(key) ?? 0, 4),
      neighbours.max.get(key) ?? 0,
      neighbours.reciprocalRank.get(key) ?? 0,
      Math.min(examples.sum.get(key) ?? 0, 4),
      examples.max.get(key) ?? 0,
      examples.reciprocalRank.get(key) ?? 0,
      Math.min(titles.sum.get(key) ?? 0, 4),
      titles.max.get(key) ?? 0,
      titles.reciprocalRank.get(key) ?? 0,
      Math.min(software.sum.get(key) ?? 0, 2),
      name,
      level === 'technique' && key.includes('.') ? 1 : 0,
      context.hasSubtechniques(key) ? 1 : 0,
      fusedRank([lexicon, profile, neighbours, examples, titles, software], key),
      Math.min(prior.sum.get(key) ?? 0, 1),
      platformMismatch(evidence.platforms, context.platforms(key)),
    ]);
  }
  return features;
}
