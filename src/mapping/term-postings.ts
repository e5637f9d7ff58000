/**
 * Per-term lists of (label, weighted count) that merge repeated labels. Training documents
 * usually arrive grouped by label, so most additions extend the last entry of a list.
 */
export class TermPostings {
  private readonly labels: number[][];
  private readonly counts: number[][];

  constructor(termCount: number) {
    this.labels = Array.from({ length: termCount }, () => []);
    this.counts = Array.from({ length: termCount }, () => []);
  }

  /** Adds a weighted count of one term for one label. */
  add(term: number, label: number, count: number): void {
    const labels = this.labels[term]!;
    const counts = this.counts[term]!;
    const last = labels.length - 1;
    if (last >= 0 && labels[last] === label) counts[last]! += count;
    else {
      labels.push(label);
      counts.push(count);
    }
  }

  /** Returns the postings sorted by term, then label, with one entry per (term, label). */
  compact(): { offsets: Uint32Array; postingLabels: Uint32Array; postingCounts: Float32Array } {
    const merged = this.labels.map((labels, term) => {
      const byLabel = new Map<number, number>();
      labels.forEach((label, position) => byLabel.set(label, (byLabel.get(label) ?? 0) + this.counts[term]![position]!));
      return [...byLabel].sort((a, b) => a[0] - b[0]);
    });
    const offsets = new Uint32Array(merged.length + 1);
    merged.forEach((list, term) => {
      offsets[term + 1] = offsets[term]! + list.length;
    });
    const postingLabels = new Uint32Array(offsets[merged.length]!);
    const postingCounts = new Float32Array(offsets[merged.length]!);
    merged.forEach((list, term) => {
      list.forEach(([label, count], position) => {
        postingLabels[offsets[term]! + position] = label;
        postingCounts[offsets[term]! + position] = count;
      });
    });
    return { offsets, postingLabels, postingCounts };
  }
}
