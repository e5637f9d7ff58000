import { findByteOrderMark } from './find-byte-order-mark.js';

/** The encoding of a text's bytes: how many mark bytes to skip, and the UTF-16 variant if any. */
export interface TextEncoding {
  /** Length of the byte order mark at the start, or 0. */
  skip: number;
  /** UTF-16 byte order when the text is UTF-16; undefined for UTF-8. */
  encoding?: 'utf-16le' | 'utf-16be';
}

/** Bytes that detectTextEncoding looks at; enough for a few dozen characters. */
export const encodingSampleBytes = 512;

/**
 * Returns the UTF-16 byte order of text without a byte order mark, judged from NUL bytes.
 * ASCII characters in UTF-16LE have a NUL in every odd byte, and in UTF-16BE in every even
 * byte, while UTF-8 text contains no NUL at all. Six in ten characters must have a NUL on one
 * side and at most one in twenty on the other, so binary data with NULs on both sides is not
 * taken for text. The other side may have a few because characters such as U+4E00 have a NUL
 * low byte. Fewer than four characters are too few to judge.
 */
function guessUtf16(bytes: Uint8Array): TextEncoding['encoding'] {
  const pairs = Math.floor(Math.min(bytes.length, encodingSampleBytes) / 2);
  if (pairs < 4) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let pair = 0; pair < pairs; pair += 1) {
    if (bytes[2 * pair] === 0) evenNuls += 1;
    if (bytes[2 * pair + 1] === 0) oddNuls += 1;
  }
  const many = 0.6 * pairs;
  const few = 0.05 * pairs;
  if (oddNuls >= many && evenNuls <= few) return 'utf-16le';
  if (evenNuls >= many && oddNuls <= few) return 'utf-16be';
  return undefined;
}

/**
 * Returns the encoding of input bytes, judged from their first encodingSampleBytes. A UTF-16
 * byte order mark, as PowerShell 5.1 writes it, decides first. Without a mark, UTF-16 is
 * recognised by its NUL bytes on mostly ASCII text (see guessUtf16). Anything else is UTF-8,
 * with or without its mark.
 */
export function detectTextEncoding(bytes: Uint8Array): TextEncoding {
  const mark = findByteOrderMark(bytes);
  if (mark) return { skip: mark.length, ...(mark.encoding ? { encoding: mark.encoding } : {}) };
  const guessed = guessUtf16(bytes);
  return { skip: 0, ...(guessed ? { encoding: guessed } : {}) };
}
