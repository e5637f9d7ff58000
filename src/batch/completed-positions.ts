import { positionOrdinal, type InputPosition } from './input-position.js';

/**
 * The input positions already written to the output, one bit per line or element per file,
 * so that a million finished alerts take about 125 KB.
 */
export class CompletedPositions {
  private readonly files = new Map<string, Uint8Array>();
  private total = 0;

  /** Marks a position as completed; returns false when it already was. */
  add(position: InputPosition): boolean {
    const ordinal = positionOrdinal(position);
    let bits = this.files.get(position.file) ?? new Uint8Array(64);
    if (ordinal >> 3 >= bits.length) {
      const grown = new Uint8Array(Math.max(bits.length * 2, (ordinal >> 3) + 1));
      grown.set(bits);
      bits = grown;
    }
    this.files.set(position.file, bits);
    const mask = 1 << (ordinal & 7);
    if (bits[ordinal >> 3]! & mask) return false;
    bits[ordinal >> 3]! |= mask;
    this.total += 1;
    return true;
  }

  has(position: InputPosition): boolean {
    const ordinal = positionOrdinal(position);
    const bits = this.files.get(position.file);
    return bits !== undefined && ordinal >> 3 < bits.length && (bits[ordinal >> 3]! & (1 << (ordinal & 7))) !== 0;
  }

  get size(): number {
    return this.total;
  }
}
