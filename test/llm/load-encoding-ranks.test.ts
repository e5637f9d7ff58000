import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { endianness, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BytePairCounter } from '../../src/llm/byte-pair-counter.js';
import { createTokenCounter } from '../../src/llm/count-tokens.js';
import { loadEncodingRanks, type CountedEncoding, type EncodingRanks } from '../../src/llm/load-encoding-ranks.js';
import { RankTable } from '../../src/llm/rank-table.js';
import { writeRankTableFile } from '../../src/llm/rank-table-file.js';
import { randomTexts } from '../support/random-texts.js';
import { hardTexts, loadRanks, pieces } from './tokenizer-samples.js';

const encodings: CountedEncoding[] = ['o200k_base', 'cl100k_base'];

/** ASCII prose, code, non-Latin scripts, emoji and long runs, with seeded random mixes. */
const texts = [
  ...hardTexts,
  readFileSync(new URL('../../src/llm/rank-table.ts', import.meta.url), 'utf8'),
  'Несанкционированный доступ к серверу. 未经授权访问服务器。 خادم غير مصرح به. सर्वर तक अनधिकृत पहुंच। ',
  '🔥🔥🔥 alert 🚨 on host 🖥️ — user 👩🏽‍💻 ran 🧨 '.repeat(20),
  'powershell.exe -nop -w hidden -enc ' + 'SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA'.repeat(40),
  '='.repeat(5000),
  'ab'.repeat(3000),
  ...randomTexts({ pieces, count: 500, seed: 11, maxPieces: 40 }),
];

const folders: string[] = [];

function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ids-explain-ranks-'));
  folders.push(folder);
  return folder;
}

afterEach(() => {
  for (const folder of folders.splice(0)) {
    chmodSync(folder, 0o700);
    rmSync(folder, { recursive: true, force: true });
  }
});

/** Returns the texts whose counts differ between the loaded ranks and a table built in memory. */
async function textsCountedDifferently(encoding: CountedEncoding, loaded: EncodingRanks): Promise<string[]> {
  const ranks = await loadRanks(encoding);
  const fresh = new BytePairCounter(RankTable.build(ranks.bpe_ranks), ranks.pat_str);
  const counter = new BytePairCounter(loaded.table, loaded.pattern);
  return texts.filter((text) => counter.count(text) !== fresh.count(text));
}

/** Returns the bytes of each of the table's typed arrays, for comparing two tables exactly. */
function arrayBytes(table: RankTable): Buffer[] {
  const { starts, lengths, ranks } = table.parts();
  return [starts, lengths, ranks].map((array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength));
}

/** Returns a copy of the bytes with the lowest bit of one byte inverted. */
function flipBit(bytes: Buffer, index: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[index] = copy[index]! ^ 1;
  return copy;
}

/** Returns a copy of the bytes with one 32-bit header word replaced, in this machine's byte order. */
function withHeaderWord(bytes: Buffer, word: number, value: number): Buffer {
  const copy = Buffer.from(bytes);
  new DataView(copy.buffer, copy.byteOffset).setUint32(word * 4, value, endianness() === 'LE');
  return copy;
}

describe('loadEncodingRanks', () => {
  for (const encoding of encodings) {
    it(`reads the ${encoding} file on a second load`, async () => {
      const cacheDir = temporaryFolder();
      const first = await loadEncodingRanks({ encoding, cacheDir });

      const second = await loadEncodingRanks({ encoding, cacheDir });

      expect(first.source).toBe('built');
      expect(readdirSync(cacheDir)).toEqual([first.file?.slice(cacheDir.length + 1)]);
      expect(second.source).toBe('file');
      expect(second.pattern).toBe((await loadRanks(encoding)).pat_str);
    });

    it(`counts ${encoding} from the file as from a built table`, async () => {
      const cacheDir = temporaryFolder();
      await loadEncodingRanks({ encoding, cacheDir });

      const loaded = await loadEncodingRanks({ encoding, cacheDir });

      expect(loaded.source).toBe('file');
      expect(await textsCountedDifferently(encoding, loaded)).toEqual([]);
    });
  }

  it('loads arrays equal to a built table', async () => {
    const cacheDir = temporaryFolder();
    const built = await loadEncodingRanks({ encoding: 'cl100k_base', cacheDir });

    const loaded = await loadEncodingRanks({ encoding: 'cl100k_base', cacheDir });

    const [builtStarts, builtLengths, builtRanks] = arrayBytes(built.table);
    const [loadedStarts, loadedLengths, loadedRanks] = arrayBytes(loaded.table);
    expect(loadedStarts!.equals(builtStarts!)).toBe(true);
    expect(loadedLengths!.equals(builtLengths!)).toBe(true);
    expect(loadedRanks!.equals(builtRanks!)).toBe(true);
    expect(loaded.table.parts().text).toBe(built.table.parts().text);
  });

  it('builds in memory without a cache folder', async () => {
    const loaded = await loadEncodingRanks({ encoding: 'cl100k_base' });

    expect(loaded.source).toBe('built');
    expect(loaded.file).toBeUndefined();
  });

  const damages: [string, (bytes: Buffer) => Buffer][] = [
    ['a flipped bit in the arrays', (bytes) => flipBit(bytes, bytes.length >> 1)],
    ['a flipped bit in the rank text', (bytes) => flipBit(bytes, bytes.length - 3)],
    ['a truncated copy', (bytes) => bytes.subarray(0, bytes.length - 1000)],
    ['a copy cut inside the header', (bytes) => bytes.subarray(0, 20)],
    ['no bytes', () => Buffer.alloc(0)],
    ['bytes appended', (bytes) => Buffer.concat([bytes, Buffer.from('extra')])],
    ['another format version', (bytes) => withHeaderWord(bytes, 3, 2)],
    ['another byte order', (bytes) => withHeaderWord(bytes, 2, 0x04030201)],
    ['filler after the magic', (bytes) => Buffer.concat([bytes.subarray(0, 8), Buffer.alloc(100_000, 0xa5)])],
  ];

  for (const [damage, change] of damages) {
    it(`rebuilds and rewrites a file with ${damage}`, async () => {
      const cacheDir = temporaryFolder();
      const { file } = await loadEncodingRanks({ encoding: 'cl100k_base', cacheDir });
      const good = readFileSync(file!);
      writeFileSync(file!, change(good));

      const loaded = await loadEncodingRanks({ encoding: 'cl100k_base', cacheDir });

      expect(loaded.source).toBe('built');
      expect(readFileSync(file!).equals(good)).toBe(true);
      expect(await textsCountedDifferently('cl100k_base', loaded)).toEqual([]);
    });
  }

  it('rebuilds a file from another js-tiktoken version', async () => {
    const cacheDir = temporaryFolder();
    const { file, table, pattern } = await loadEncodingRanks({ encoding: 'cl100k_base', cacheDir });
    const good = readFileSync(file!);
    writeRankTableFile(file!, { key: 'cl100k_base js-tiktoken@0.0.1', pattern, table });

    const loaded = await loadEncodingRanks({ encoding: 'cl100k_base', cacheDir });

    expect(loaded.source).toBe('built');
    expect(readFileSync(file!).equals(good)).toBe(true);
  });

  it('rebuilds a file of another encoding', async () => {
    const cacheDir = temporaryFolder();
    const o200k = await loadEncodingRanks({ encoding: 'o200k_base', cacheDir });
    const cl100k = await loadEncodingRanks({ encoding: 'cl100k_base', cacheDir });
    writeFileSync(cl100k.file!, readFileSync(o200k.file!));

    const loaded = await loadEncodingRanks({ encoding: 'cl100k_base', cacheDir });

    expect(loaded.source).toBe('built');
    expect(await textsCountedDifferently('cl100k_base', loaded)).toEqual([]);
  });

  it('counts with a cache folder under a regular file', async () => {
    const blocker = join(temporaryFolder(), 'not-a-folder');
    writeFileSync(blocker, '');
    const cacheDir = join(blocker, 'cache');

    const loaded = await loadEncodingRanks({ encoding: 'cl100k_base', cacheDir });

    expect(loaded.source).toBe('built');
    expect(await textsCountedDifferently('cl100k_base', loaded)).toEqual([]);
  });

  // The superuser may write to any folder, so a read-only folder only stops other users.
  it.skipIf(process.getuid?.() === 0)('counts with a read-only cache folder', async () => {
    const cacheDir = temporaryFolder();
    chmodSync(cacheDir, 0o500);

    const loaded = await loadEncodingRanks({ encoding: 'cl100k_base', cacheDir });

    expect(loaded.source).toBe('built');
    expect(readdirSync(cacheDir)).toEqual([]);
    expect(await textsCountedDifferently('cl100k_base', loaded)).toEqual([]);
  });
});

describe('createTokenCounter', () => {
  it('writes the rank file to the cache folder', async () => {
    const cacheDir = temporaryFolder();

    await createTokenCounter('gpt-4o', { cacheDir });

    expect(readdirSync(cacheDir)).toEqual([expect.stringMatching(/^rank-table\.o200k_base\.js-tiktoken-\d+\.\d+\.\d+\.v\d+\.bin$/)]);
  });

  it('counts from the file as in memory', async () => {
    const cacheDir = temporaryFolder();
    await loadEncodingRanks({ encoding: 'cl100k_base', cacheDir });
    const [cached, inMemory] = await Promise.all([createTokenCounter('gpt-4', { cacheDir }), createTokenCounter('gpt-4')]);

    const differing = texts.filter((text) => cached.count(text) !== inMemory.count(text));

    expect(cached.encoding).toBe('cl100k_base');
    expect(differing).toEqual([]);
  });

  it('counts with an unusable cache folder', async () => {
    const blocker = join(temporaryFolder(), 'not-a-folder');
    writeFileSync(blocker, '');

    const [counter, inMemory] = await Promise.all([createTokenCounter('gpt-4o', { cacheDir: join(blocker, 'cache') }), createTokenCounter('gpt-4o')]);

    const differing = texts.filter((text) => counter.count(text) !== inMemory.count(text));

    expect(differing).toEqual([]);
  });
});
