import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { endianness, tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RankTable } from '../../src/llm/rank-table.js';
import { readRankTableFile, writeRankTableFile, type RankTableFileContents } from '../../src/llm/rank-table-file.js';

/** Ranks 0, 1 and 2 for the tokens "a", "b" and "ab", in base64 as in js-tiktoken's rank text. */
const rankText = 'x 0 YQ== Yg== YWI=';
const key = 'tiny js-tiktoken@1.0.0';
const pattern = '\\p{L}+|\\s+';

let folder: string;
let file: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'ids-explain-rank-file-'));
  file = join(folder, 'tiny.bin');
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Reads the tiny file and throws the problem when it is unusable. */
function readTiny(): RankTableFileContents {
  const result = readRankTableFile(file, key);
  if (!result.ok) throw new Error(result.problem);
  return result;
}

/** Returns the slot count in the header of a rank table file. */
function slotCount(bytes: Buffer): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(20, endianness() === 'LE');
}

/** Overwrites one header word and recomputes the checksum, as a deliberate writer would. */
function patchWithChecksum(bytes: Buffer, changes: { word: number; value: number }[], body?: (copy: Buffer) => void): Buffer {
  const copy = Buffer.from(bytes);
  const view = new DataView(copy.buffer, copy.byteOffset, copy.byteLength);
  const littleEndian = endianness() === 'LE';
  for (const { word, value } of changes) view.setUint32(word * 4, value, littleEndian);
  body?.(copy);
  view.setUint32(16, crc32(copy.subarray(20)), littleEndian);
  return copy;
}

describe('readRankTableFile', () => {
  it('reads back the written ranks', () => {
    writeRankTableFile(file, { key, pattern, table: RankTable.build(rankText) });

    const { table, pattern: readPattern } = readTiny();

    expect([table.get('YQ=='), table.get('Yg=='), table.get('YWI='), table.get('Yw==')]).toEqual([0, 1, 2, undefined]);
    expect(readPattern).toBe(pattern);
  });

  it('aligns the arrays of the file', () => {
    writeRankTableFile(file, { key, pattern, table: RankTable.build(rankText) });

    const { starts, ranks, lengths } = readTiny().table.parts();

    expect(starts.byteOffset).toBe(0);
    expect(ranks.byteOffset).toBe(starts.byteLength);
    expect(lengths.byteOffset).toBe(starts.byteLength * 2);
    expect(starts.buffer).toBe(lengths.buffer);
  });

  it('reports a missing file', () => {
    const result = readRankTableFile(file, key);

    expect(result).toEqual({ ok: false, problem: expect.stringContaining('ENOENT') });
  });

  it('reports a named pipe in place of the file', () => {
    const mkfifo = spawn('mkfifo', [file]);
    return new Promise<void>((resolve, reject) => {
      mkfifo.on('error', reject);
      mkfifo.on('exit', () => {
        // A writer that opens the pipe after a second keeps a blocking open from waiting forever.
        const writer = spawn(process.execPath, ['-e', `setTimeout(() => { require('fs').openSync(${JSON.stringify(file)}, 'w'); setTimeout(() => {}, 5000); }, 1000)`]);
        try {
          const result = readRankTableFile(file, key);

          expect(result).toEqual({ ok: false, problem: expect.stringContaining('not a regular file') });
          resolve();
        } catch (error) {
          reject(error);
        } finally {
          writer.kill();
        }
      });
    });
  });

  it('reports a checksum mismatch', () => {
    writeRankTableFile(file, { key, pattern, table: RankTable.build(rankText) });
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] = 'X'.charCodeAt(0);
    writeFileSync(file, bytes);

    expect(readRankTableFile(file, key)).toEqual({ ok: false, problem: 'checksum mismatch' });
  });

  it('reports another key', () => {
    writeRankTableFile(file, { key, pattern, table: RankTable.build(rankText) });

    const result = readRankTableFile(file, 'tiny js-tiktoken@2.0.0');

    expect(result).toEqual({ ok: false, problem: 'file was written for "tiny js-tiktoken@1.0.0", not "tiny js-tiktoken@2.0.0"' });
  });

  it('reports a slot count that is no power of two', () => {
    writeRankTableFile(file, { key, pattern, table: RankTable.build(rankText) });
    writeFileSync(file, patchWithChecksum(readFileSync(file), [{ word: 5, value: 6 }]));

    expect(readRankTableFile(file, key)).toEqual({ ok: false, problem: 'slot count 6 is not a power of two' });
  });

  it('reports lengths that disagree with the size', () => {
    writeRankTableFile(file, { key, pattern, table: RankTable.build(rankText) });
    const bytes = readFileSync(file);
    writeFileSync(file, patchWithChecksum(bytes, [{ word: 8, value: 0xffffffff }]));

    const result = readRankTableFile(file, key);

    expect(result).toEqual({ ok: false, problem: `file has ${bytes.length} bytes, but its header describes ${bytes.length - rankText.length + 0xffffffff}` });
  });

  it('rejects a table without an empty slot', () => {
    writeRankTableFile(file, { key, pattern, table: RankTable.build(rankText) });
    // Every slot claims the token at position 0, so a lookup that misses would probe forever.
    const bytes = readFileSync(file);
    const full = patchWithChecksum(bytes, [], (copy) => copy.fill(0, 64, 64 + slotCount(bytes) * 4));
    writeFileSync(file, full);

    expect(readRankTableFile(file, key)).toEqual({ ok: false, problem: 'rank table has no empty slot' });
  });

  it('rejects an invalid split pattern', () => {
    writeRankTableFile(file, { key, pattern: '(unclosed', table: RankTable.build(rankText) });

    expect(readRankTableFile(file, key)).toEqual({ ok: false, problem: 'file contains an invalid split pattern' });
  });
});

describe('writeRankTableFile', () => {
  it('rejects rank text outside latin1', () => {
    const write = () => writeRankTableFile(file, { key, pattern, table: RankTable.build('x 0 YQ== \u0101') });

    expect(write).toThrow('the rank text has characters outside latin1');
  });

  it('leaves no temporary file behind', () => {
    writeRankTableFile(file, { key, pattern, table: RankTable.build(rankText) });

    expect(readdirSync(folder)).toEqual(['tiny.bin']);
  });

  it('replaces an existing file', () => {
    writeFileSync(file, 'old');

    writeRankTableFile(file, { key, pattern, table: RankTable.build(rankText) });

    expect(readTiny().pattern).toBe(pattern);
  });
});

describe('RankTable', () => {
  it('rejects arrays of different lengths', () => {
    const create = () => new RankTable({ text: '', starts: new Int32Array(4).fill(-1), lengths: new Uint16Array(2), ranks: new Int32Array(4) });

    expect(create).toThrow(RangeError);
  });

  it('rejects a length that is no power of two', () => {
    const create = () => new RankTable({ text: '', starts: new Int32Array(3).fill(-1), lengths: new Uint16Array(3), ranks: new Int32Array(3) });

    expect(create).toThrow(RangeError);
  });
});
