/** Maximum number of term lookups a table remembers. */
const maxRememberedLookups = 100_000;

/**
 * A sorted list of index terms whose position is the term number. Terms are found by binary
 * search, which is cheaper to load than a map of every term.
 */
export class SortedTermTable {
  /** Remembered lookups. Null marks a term the table lacks, so one map lookup covers both cases. */
  private readonly lookups = new Map<string, number | null>();

  /** Takes terms sorted by code unit, without repeats. */
  constructor(readonly terms: string[]) {}

  /** Returns the number of a term, or undefined when the table lacks it. */
  termId(term: string): number | undefined {
    const known = this.lookups.get(term);
    if (known !== undefined) return known ?? undefined;
    const id = this.searchTerm(term);
    // Lookups are remembered so that batches pay the binary search once per term, up to a
    // bound that keeps alerts full of unique tokens (hashes, addresses) from growing the map.
    if (this.lookups.size < maxRememberedLookups) this.lookups.set(term, id ?? null);
    return id;
  }

  private searchTerm(term: string): number | undefined {
    let low = 0;
    let high = this.terms.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const candidate = this.terms[middle]!;
      if (candidate === term) return middle;
      if (candidate < term) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }
}
