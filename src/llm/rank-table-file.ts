import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import * as zlib from 'node:zlib';
import { writeFileAtomic } from '../util/write-file-atomic.js';
import { RankTable } from './rank-table.js';

/**
 * Layout of a rank table file, version 1. A 64-byte header of 32-bit words in the writer's
 * byte order:
 *
 * | bytes | content |
 * | --- | --- |
 * | 0-7 | "IDXRANKS" |
 * | 8-11 | 0x01020304, so a file from a machine of the other byte order is rejected |
 * | 12-15 | format version |
 * | 16-19 | CRC-32 of every byte after this word |
 * | 20-23 | slot count (the table's mask plus one) |
 * | 24-27, 28-31, 32-35 | byte lengths of the key, the split pattern and the rank text |
 * | 36-63 | zero |
 *
 * The body follows: `starts` (Int32), `ranks` (Int32), `lengths` (Uint16), then the key and
 * the split pattern in UTF-8 and the rank text in latin1. The reader reads the three arrays
 * into a buffer of their own, in which each starts at a multiple of its element size.
 */
const magic = 'IDXRANKS';
const byteOrderMark = 0x01020304;
/** Version of the layout above; a file of another version is rebuilt. */
export const rankTableFormatVersion = 1;
const headerBytes = 64;
/** Index of the header word that contains the CRC-32, which covers every byte after that word. */
const checksumWord = 4;
const checksumOffset = (checksumWord + 1) * 4;
/** About five times the o200k_base file (12.8 MB), so a bogus header never makes a huge read. */
const maxFileBytes = 64 * 1024 * 1024;

/** Contents of a rank table file. */
export interface RankTableFileContents {
  /** Names the encoding and the js-tiktoken version that the table was built from. */
  key: string;
  /** The encoding's split pattern (`pat_str`), so that a cache hit needs no rank module. */
  pattern: string;
  table: RankTable;
}

/** Contents of a valid file, or why a file cannot be used. */
export type RankTableFileResult = ({ ok: true } & RankTableFileContents) | { ok: false; problem: string };

function checksum(parts: Uint8Array[]): number {
  let value = 0;
  for (const part of parts) value = zlib.crc32(part, value);
  return value;
}

/**
 * Writes a rank table to a file through a temporary file and a rename, so that another process
 * never reads half a file. Throws when the folder cannot be written, when the rank text is not
 * latin1, and on Node.js releases without `zlib.crc32` (before 20.15).
 */
export function writeRankTableFile(path: string, { key, pattern, table }: RankTableFileContents): void {
  if (typeof zlib.crc32 !== 'function') throw new Error('this Node.js has no zlib.crc32 to checksum the rank table file');
  const { text, starts, lengths, ranks } = table.parts();
  if (/[^\0-\xff]/.test(text)) throw new RangeError('the rank text has characters outside latin1');
  const strings = [Buffer.from(key, 'utf8'), Buffer.from(pattern, 'utf8'), Buffer.from(text, 'latin1')];
  const body = [starts, ranks, lengths].map((array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  const header = Buffer.from(new ArrayBuffer(headerBytes));
  header.write(magic, 0, 'latin1');
  const words = new Uint32Array(header.buffer, header.byteOffset, headerBytes / 4);
  words.set([byteOrderMark, rankTableFormatVersion, 0, starts.length, ...strings.map((part) => part.length)], 2);
  words[checksumWord] = checksum([header.subarray(checksumOffset), ...body, ...strings]);
  writeFileAtomic(path, Buffer.concat([header, ...body, ...strings]));
}

/**
 * Reads a rank table file written by writeRankTableFile for the same key. The table's arrays
 * are views over the bytes read, so loading does no work per token. Checks the header, every
 * length and the CRC-32 before it makes the views. Returns a problem, and never throws, when
 * the file is missing, not a regular file, unreadable, truncated, corrupt, of another format
 * version or byte order, or written for another key.
 */
export function readRankTableFile(path: string, key: string): RankTableFileResult {
  let descriptor: number;
  try {
    // Without O_NONBLOCK, opening a named pipe in place of the file waits for a writer forever.
    descriptor = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
  try {
    return readOpenFile(descriptor, key);
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  } finally {
    closeSync(descriptor);
  }
}

interface Header {
  checksum: number;
  slots: number;
  keyBytes: number;
  patternBytes: number;
  textBytes: number;
}

function readOpenFile(descriptor: number, key: string): RankTableFileResult {
  if (typeof zlib.crc32 !== 'function') return { ok: false, problem: 'this Node.js has no zlib.crc32 to verify the file' };
  const stats = fstatSync(descriptor);
  if (!stats.isFile()) return { ok: false, problem: 'not a regular file' };
  const size = stats.size;
  if (size < headerBytes || size > maxFileBytes) return { ok: false, problem: `file size ${size} is outside ${headerBytes} to ${maxFileBytes} bytes` };
  const headerBuffer = readBytes(descriptor, 0, headerBytes);
  const header = parseHeader(headerBuffer);
  if (typeof header === 'string') return { ok: false, problem: header };
  const arrayBytes = header.slots * 10;
  const stringBytes = header.keyBytes + header.patternBytes + header.textBytes;
  if (headerBytes + arrayBytes + stringBytes !== size) {
    return { ok: false, problem: `file has ${size} bytes, but its header describes ${headerBytes + arrayBytes + stringBytes}` };
  }
  const arrays = readBytes(descriptor, headerBytes, arrayBytes);
  const strings = readBytes(descriptor, headerBytes + arrayBytes, stringBytes);
  if (checksum([headerBuffer.subarray(checksumOffset), arrays, strings]) !== header.checksum) return { ok: false, problem: 'checksum mismatch' };
  return decodeBody({ header, arrays, strings, key });
}

/** Reads `length` bytes at `position` into a buffer of its own, so that views of it are aligned. */
function readBytes(descriptor: number, position: number, length: number): Buffer {
  const bytes = Buffer.from(new ArrayBuffer(length));
  for (let done = 0; done < length; ) {
    const read = readSync(descriptor, bytes, done, length - done, position + done);
    if (read === 0) throw new Error(`file ended at byte ${position + done} while ${length - done} more were expected`);
    done += read;
  }
  return bytes;
}

function parseHeader(bytes: Buffer): Header | string {
  if (bytes.toString('latin1', 0, magic.length) !== magic) return 'not a rank table file';
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, headerBytes / 4);
  if (words[2] !== byteOrderMark) return 'written on a machine of the other byte order';
  if (words[3] !== rankTableFormatVersion) return `format version ${words[3]}, not ${rankTableFormatVersion}`;
  const slots = words[5]!;
  if (slots === 0 || (slots & (slots - 1)) !== 0) return `slot count ${slots} is not a power of two`;
  return { checksum: words[checksumWord]!, slots, keyBytes: words[6]!, patternBytes: words[7]!, textBytes: words[8]! };
}

function decodeBody({ header, arrays, strings, key }: { header: Header; arrays: Buffer; strings: Buffer; key: string }): RankTableFileResult {
  const fileKey = strings.toString('utf8', 0, header.keyBytes);
  if (fileKey !== key) return { ok: false, problem: `file was written for "${fileKey.slice(0, 100)}", not "${key}"` };
  const pattern = strings.toString('utf8', header.keyBytes, header.keyBytes + header.patternBytes);
  try {
    new RegExp(pattern, 'gu');
  } catch {
    return { ok: false, problem: 'file contains an invalid split pattern' };
  }
  const { slots } = header;
  const table = new RankTable({
    text: strings.toString('latin1', header.keyBytes + header.patternBytes),
    starts: new Int32Array(arrays.buffer, arrays.byteOffset, slots),
    ranks: new Int32Array(arrays.buffer, arrays.byteOffset + slots * 4, slots),
    lengths: new Uint16Array(arrays.buffer, arrays.byteOffset + slots * 8, slots),
  });
  return { ok: true, key, pattern, table };
}
