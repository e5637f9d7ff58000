/** A byte order mark: its length in bytes, and the encoding it announces when that is not UTF-8. */
export interface ByteOrderMark {
  length: number;
  encoding?: 'utf-16le' | 'utf-16be';
}

const marks: { bytes: number[]; mark: ByteOrderMark }[] = [
  { bytes: [0xef, 0xbb, 0xbf], mark: { length: 3 } },
  { bytes: [0xff, 0xfe], mark: { length: 2, encoding: 'utf-16le' } },
  { bytes: [0xfe, 0xff], mark: { length: 2, encoding: 'utf-16be' } },
];

/** Returns the UTF-8 or UTF-16 byte order mark at the start of `bytes`, or undefined. */
export function findByteOrderMark(bytes: Uint8Array): ByteOrderMark | undefined {
  return marks.find(({ bytes: prefix }) => prefix.every((byte, offset) => bytes[offset] === byte))?.mark;
}
