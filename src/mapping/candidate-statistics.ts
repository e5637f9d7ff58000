import { parentTechniqueId } from '../attack/technique-id.js';
import type { Evidence } from './gather-evidence.js';

/** Evidence lists in the order of their slots in a key's statistics. All but the prior are fused. */
export const evidenceSources = ['lexicon', 'profile', 'neighbours', 'examples', 'exampleTitles', 'software', 'attackBayes', 'exampleBayes', 'prior'] as const;

/** Slot of each evidence source in KeyStats arrays. */
export const sourceSlot = Object.fromEntries(evidenceSources.map((source, slot) => [source, slot])) as Record<(typeof evidenceSources)[number], number>;

const fusedSourceCount = evidenceSources.length - 1;

const sourceCount = evidenceSources.length;
const maxOffset = sourceCount;
const rankOffset = 2 * sourceCount;

/**
 * Statistics of one candidate key, a technique or a family. Per source they keep the sum and
 * the maximum of its support and its rank, which is 1 for the best key of that source and 0
 * when the source does not support it. They also keep the best overlap of a member's name
 * with the alert words.
 */
export class KeyStats {
  // One plain array for sums, maxima and ranks, because an alert makes a few hundred keys and
  // each allocation costs more than the arithmetic on it.
  private readonly values: number[] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  nameOverlap = 0;

  constructor(readonly key: string) {}

  /** Returns the summed support of a source. */
  sum(slot: number): number {
    return this.values[slot]!;
  }

  /** Returns the largest single support of a source. */
  max(slot: number): number {
    return this.values[maxOffset + slot]!;
  }

  /** Returns the rank in a source, 0 when the source does not support the key. */
  rank(slot: number): number {
    return this.values[rankOffset + slot]!;
  }

  /** Sets the rank in a source. */
  setRank(slot: number, rank: number): void {
    this.values[rankOffset + slot] = rank;
  }

  /** Returns 1 / rank in a source, or 0 when the source does not support the key. */
  reciprocalRank(slot: number): number {
    const rank = this.values[rankOffset + slot]!;
    return rank === 0 ? 0 : 1 / rank;
  }

  /** Returns the reciprocal rank fusion over every source but the prior, with constant k. */
  fusedRank(constant: number): number {
    let fused = 0;
    for (let slot = 0; slot < fusedSourceCount; slot += 1) {
      const rank = this.values[rankOffset + slot]!;
      if (rank !== 0) fused += constant / (constant + rank);
    }
    return fused;
  }

  /** Adds one piece of support. The first one in a source marks the key as supported there. */
  add(slot: number, score: number): void {
    const values = this.values;
    if (values[rankOffset + slot] === 0) {
      values[rankOffset + slot] = 1;
      values[maxOffset + slot] = score;
    } else if (score > values[maxOffset + slot]!) values[maxOffset + slot] = score;
    values[slot]! += score;
  }

  /**
   * Adds a member's support to this family key: its maximum counts like one piece of support
   * and the rest of its sum is added on top, so that sums and maxima match the members'.
   */
  addMember(member: KeyStats): void {
    for (let slot = 0; slot < sourceCount; slot += 1) {
      if (member.values[rankOffset + slot] === 0) continue;
      this.add(slot, member.values[maxOffset + slot]!);
      this.values[slot]! += member.values[slot]! - member.values[maxOffset + slot]!;
    }
    if (member.nameOverlap > this.nameOverlap) this.nameOverlap = member.nameOverlap;
  }
}

/** Statistics per technique and per family (a parent and its sub-techniques) for one alert. */
export interface CandidateStatistics {
  techniques: Map<string, KeyStats>;
  families: Map<string, KeyStats>;
}

function nameOverlap(terms: readonly string[] | undefined, query: ReadonlySet<string>): number {
  if (!terms || terms.length === 0) return 0;
  let shared = 0;
  for (const term of terms) if (query.has(term)) shared += 1;
  return shared / terms.length;
}

function compareKeys(a: KeyStats, b: KeyStats): number {
  return a.key < b.key ? -1 : 1;
}

/** Sorts one source's keys by the given values, larger first, ties by key, and numbers them from 1. */
function assignRanks(keys: KeyStats[], slot: number, byMax: boolean): void {
  if (byMax) keys.sort((a, b) => b.max(slot) - a.max(slot) || compareKeys(a, b));
  else keys.sort((a, b) => b.sum(slot) - a.sum(slot) || compareKeys(a, b));
  for (let position = 0; position < keys.length; position += 1) keys[position]!.setRank(slot, position + 1);
}

/**
 * Ranks each fused source's supported keys by sum (by maximum for profiles), ties by key, from
 * 1. The prior is not fused, so its keys keep rank 1, which marks them as supported.
 */
function rankSources(stats: Map<string, KeyStats>): void {
  const supported: KeyStats[][] = Array.from({ length: fusedSourceCount }, () => []);
  for (const entry of stats.values()) {
    for (let slot = 0; slot < fusedSourceCount; slot += 1) if (entry.rank(slot) !== 0) supported[slot]!.push(entry);
  }
  for (let slot = 0; slot < fusedSourceCount; slot += 1) {
    const keys = supported[slot]!;
    if (keys.length > 0) assignRanks(keys, slot, slot === sourceSlot.profile);
  }
}

function techniqueStatistics(evidence: Evidence, nameTerms: (id: string) => readonly string[] | undefined): Map<string, KeyStats> {
  const stats = new Map<string, KeyStats>();
  for (let slot = 0; slot < evidenceSources.length; slot += 1) {
    const items = evidence[evidenceSources[slot]!];
    for (let position = 0; position < items.length; position += 1) {
      const { id, score } = items[position]!;
      let entry = stats.get(id);
      if (!entry) {
        entry = new KeyStats(id);
        entry.nameOverlap = nameOverlap(nameTerms(id), evidence.queryTerms);
        stats.set(id, entry);
      }
      entry.add(slot, score);
    }
  }
  return stats;
}

/**
 * Combines technique statistics into family statistics: sums add up, maxima take the larger,
 * and the name overlap is the best of the parent's name and its supported members' names.
 */
function familyStatistics(techniques: Map<string, KeyStats>, evidence: Evidence, nameTerms: (id: string) => readonly string[] | undefined): Map<string, KeyStats> {
  const families = new Map<string, KeyStats>();
  for (const technique of techniques.values()) {
    const key = parentTechniqueId(technique.key);
    let family = families.get(key);
    if (!family) {
      family = new KeyStats(key);
      family.nameOverlap = techniques.get(key)?.nameOverlap ?? nameOverlap(nameTerms(key), evidence.queryTerms);
      families.set(key, family);
    }
    family.addMember(technique);
  }
  return families;
}

/**
 * Sums each source's support per technique and per family, ranks the keys of every source at
 * both levels and sets the name overlaps. Returns both levels for one alert's evidence.
 */
export function candidateStatistics(evidence: Evidence, nameTerms: (id: string) => readonly string[] | undefined): CandidateStatistics {
  const techniques = techniqueStatistics(evidence, nameTerms);
  const families = familyStatistics(techniques, evidence, nameTerms);
  rankSources(techniques);
  rankSources(families);
  return { techniques, families };
}
