/** Typed arrays and text of a RankTable, which the table uses without copying. */
export interface RankTableParts {
  /** js-tiktoken's rank text, which the table's positions point into. */
  text: string;
  /** Position in `text` of the token in each slot, or -1 for an empty slot. */
  starts: Int32Array;
  /** Length in characters of the token in each slot. */
  lengths: Uint16Array;
  /** Rank of the token in each slot. */
  ranks: Int32Array;
}

/**
 * Ranks of a byte-pair encoding, read from js-tiktoken's rank text: lines of
 * "<name> <first rank> <token> <token> ...", each token the base64 of its bytes. The table is
 * an open-addressing hash table of positions in that text. Unlike a Map of the 200,000 base64
 * substrings of o200k_base, building it creates no strings, and its typed arrays leave the
 * garbage collector nothing to trace during a long batch job.
 */
export class RankTable {
  private readonly text: string;
  private readonly starts: Int32Array;
  private readonly lengths: Uint16Array;
  private readonly ranks: Int32Array;
  private readonly mask: number;

  /**
   * Wraps arrays that an earlier `build` filled, such as views over a cache file. Throws
   * RangeError unless the three arrays have the same power-of-two length and at least one
   * slot is empty, because a lookup of a missing token probes until it reaches an empty slot.
   */
  constructor({ text, starts, lengths, ranks }: RankTableParts) {
    const slots = starts.length;
    if (slots === 0 || (slots & (slots - 1)) !== 0 || lengths.length !== slots || ranks.length !== slots) {
      throw new RangeError(`rank table arrays must share one power-of-two length, not ${slots}, ${lengths.length} and ${ranks.length}`);
    }
    if (starts.indexOf(-1) === -1) throw new RangeError('rank table has no empty slot');
    this.text = text;
    this.starts = starts;
    this.lengths = lengths;
    this.ranks = ranks;
    this.mask = slots - 1;
  }

  /** Builds the table of a rank text by hashing each of its tokens. */
  static build(rankText: string): RankTable {
    // Tokens take about eight characters of text each, so this keeps the table under half full.
    let slots = 1;
    while (slots < rankText.length / 4) slots *= 2;
    const starts = new Int32Array(slots).fill(-1);
    const table = new RankTable({ text: rankText, starts, lengths: new Uint16Array(slots), ranks: new Int32Array(slots) });
    table.readLines();
    return table;
  }

  /** Returns the text and arrays that the table uses, not copies, for writing to a file. */
  parts(): RankTableParts {
    return { text: this.text, starts: this.starts, lengths: this.lengths, ranks: this.ranks };
  }

  /** Returns the rank of the token written as this base64 text, or undefined. */
  get(token: string): number | undefined {
    const slot = this.find(token, 0, token.length, token);
    return this.starts[slot] === -1 ? undefined : this.ranks[slot];
  }

  private readLines(): void {
    const text = this.text;
    for (let lineStart = 0; lineStart < text.length; ) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      const nameEnd = text.indexOf(' ', lineStart);
      if (nameEnd !== -1 && nameEnd < lineEnd) {
        let offsetEnd = text.indexOf(' ', nameEnd + 1);
        if (offsetEnd === -1 || offsetEnd > lineEnd) offsetEnd = lineEnd;
        const offset = Number.parseInt(text.slice(nameEnd + 1, offsetEnd), 10);
        this.readTokens(offsetEnd + 1, lineEnd, offset);
      }
      lineStart = lineEnd + 1;
    }
  }

  /**
   * Adds the space-separated tokens in text[start, end), ranked from `offset` up. As in
   * js-tiktoken, an empty token between two spaces still takes a rank, and a token listed
   * again keeps its later rank.
   */
  private readTokens(start: number, end: number, offset: number): void {
    let rank = offset;
    for (let tokenStart = start; tokenStart <= end; rank += 1) {
      let tokenEnd = this.text.indexOf(' ', tokenStart);
      if (tokenEnd === -1 || tokenEnd > end) tokenEnd = end;
      if (tokenEnd > tokenStart) {
        const slot = this.find(this.text, tokenStart, tokenEnd, undefined);
        this.starts[slot] = tokenStart;
        this.lengths[slot] = tokenEnd - tokenStart;
        this.ranks[slot] = rank;
      }
      tokenStart = tokenEnd + 1;
    }
  }

  /**
   * Returns the slot that contains the token source[start, end), or the empty slot where it
   * belongs. `key` is the same token as a string when the caller has one.
   */
  private find(source: string, start: number, end: number, key: string | undefined): number {
    let hash = 0x811c9dc5;
    for (let index = start; index < end; index += 1) hash = Math.imul(hash ^ source.charCodeAt(index), 0x01000193);
    const length = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.starts[slot]!;
      if (at === -1) return slot;
      if (this.lengths[slot] === length && this.sameToken(at, source, start, length, key)) return slot;
    }
  }

  private sameToken(at: number, source: string, start: number, length: number, key: string | undefined): boolean {
    if (key !== undefined) return this.text.startsWith(key, at);
    for (let index = 0; index < length; index += 1) {
      if (this.text.charCodeAt(at + index) !== source.charCodeAt(start + index)) return false;
    }
    return true;
  }
}
