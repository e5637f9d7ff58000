import type { RankTable } from './rank-table.js';

/** Maximum number of distinct pieces whose token counts a counter remembers. */
const maxRememberedPieces = 100_000;
/** Maximum number of distinct lines whose token counts a counter remembers. */
const maxRememberedLines = 20_000;
/** Lines longer than this many characters are counted piece by piece and not remembered. */
const maxRememberedLineChars = 4096;

/** Characters after a newline that a piece of the split pattern may join to it. */
const lineContinues = /[\s/]/;

/**
 * Counts tokens of a byte-pair encoding exactly as js-tiktoken's `encode(text, [], [])` does,
 * special-token text included as plain text, without building js-tiktoken's tables. Those
 * tables took over a second to build for o200k_base. This counter looks tokens up by the
 * base64 text that the rank file writes (see RankTable). It remembers the count of every
 * line and of every piece that the encoding's split pattern cuts, so a repeated line costs one
 * map lookup and a repeated word another. Written for the o200k_base and cl100k_base patterns.
 */
export class BytePairCounter {
  private readonly ranks: RankTable;
  private readonly pattern: RegExp;
  private readonly pieces = new Map<string, number>();
  private readonly lines = new Map<string, number>();

  /** Takes the encoding's rank table and its split pattern (`pat_str`) as source text. */
  constructor(ranks: RankTable, pattern: string) {
    this.ranks = ranks;
    this.pattern = new RegExp(pattern, 'gu');
  }

  /**
   * Returns the number of tokens that js-tiktoken's encode would return for the text. The
   * text is counted line by line, cut after each newline that precedes neither white space nor
   * "/". No piece of the o200k_base or cl100k_base pattern reaches across such a cut, because
   * a piece holding a newline ends with newlines, white space or "/", so the sum of the lines'
   * counts is the count of the whole text.
   */
  count(text: string): number {
    let total = 0;
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) {
      if (newline + 1 === text.length || lineContinues.test(text[newline + 1]!)) continue;
      total += this.countLine(text.slice(start, newline + 1));
      start = newline + 1;
    }
    return total + this.countLine(text.slice(start));
  }

  private countLine(line: string): number {
    if (line.length > maxRememberedLineChars) return this.countPieces(line);
    const known = this.lines.get(line);
    if (known !== undefined) return known;
    const count = this.countPieces(line);
    if (this.lines.size >= maxRememberedLines) this.lines.clear();
    this.lines.set(line, count);
    return count;
  }

  private countPieces(text: string): number {
    const pattern = this.pattern;
    pattern.lastIndex = 0;
    let total = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) total += this.countPiece(match[0]);
    return total;
  }

  private countPiece(piece: string): number {
    const known = this.pieces.get(piece);
    if (known !== undefined) return known;
    const count = this.encodePiece(Buffer.from(piece, 'utf8').toString('latin1'));
    if (this.pieces.size >= maxRememberedPieces) this.pieces.clear();
    this.pieces.set(piece, count);
    return count;
  }

  private rank(bytes: string): number | undefined {
    return this.ranks.get(Buffer.from(bytes, 'latin1').toString('base64'));
  }

  /**
   * Counts the tokens of one piece, given as its UTF-8 bytes in a latin1 string. Merges the
   * adjacent pair of lowest rank, the leftmost on a tie, until no pair has a rank, as
   * js-tiktoken and tiktoken do, and counts the parts that have a rank.
   */
  private encodePiece(bytes: string): number {
    if (bytes.length === 1 || this.rank(bytes) !== undefined) return 1;
    // starts[i] is where part i begins, and the last entry is the end of the piece.
    const starts = Array.from({ length: bytes.length + 1 }, (_, index) => index);
    const pairRank = (index: number) => this.rank(bytes.slice(starts[index], starts[index + 2]));
    const pairRanks = Array.from({ length: bytes.length - 1 }, (_, index) => pairRank(index));
    for (;;) {
      let best = -1;
      for (let index = 0; index < pairRanks.length; index += 1) {
        const rank = pairRanks[index];
        if (rank !== undefined && (best === -1 || rank < pairRanks[best]!)) best = index;
      }
      if (best === -1) break;
      starts.splice(best + 1, 1);
      pairRanks.splice(best, 1);
      if (best < pairRanks.length) pairRanks[best] = pairRank(best);
      if (best > 0) pairRanks[best - 1] = pairRank(best - 1);
    }
    let parts = 0;
    for (let index = 0; index + 1 < starts.length; index += 1) {
      if (this.rank(bytes.slice(starts[index], starts[index + 1])) !== undefined) parts += 1;
    }
    return parts;
  }
}
