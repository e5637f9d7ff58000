import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RankTable } from './rank-table.js';
import { rankTableFormatVersion, readRankTableFile, writeRankTableFile } from './rank-table-file.js';

/** Encodings that BytePairCounter counts exactly. */
export type CountedEncoding = 'o200k_base' | 'cl100k_base';

/** Rank table and split pattern of an encoding. */
export interface EncodingRanks {
  table: RankTable;
  /** The encoding's split pattern (`pat_str`), as source text for `new RegExp(pattern, 'gu')`. */
  pattern: string;
  /** "file" when the table came from the cache file, "built" when it was built from the rank text. */
  source: 'file' | 'built';
  /** Path of the cache file, or undefined when no cache folder was given or no version was found. */
  file: string | undefined;
}

export interface LoadEncodingRanksOptions {
  encoding: CountedEncoding;
  /** Folder that keeps the built table between runs; without it, the table is built in memory. */
  cacheDir?: string | undefined;
}

let tiktokenVersion: string | null | undefined;

/**
 * Returns the version in the package.json of the js-tiktoken that this module's imports load,
 * or null when it cannot be found. Node's ESM resolution looks for node_modules/js-tiktoken in
 * this module's folder and then in each folder above it, and so does this search. That costs a
 * few file checks, where createRequire's resolver took about 2 ms before its code was warm.
 * The package.json is not among js-tiktoken's exports, so it cannot be resolved by name.
 */
function findTiktokenVersion(): string | null {
  for (let folder = new URL('.', import.meta.url); ; folder = new URL('..', folder)) {
    const manifest = new URL('node_modules/js-tiktoken/package.json', folder);
    if (existsSync(manifest)) {
      try {
        const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown };
        return typeof version === 'string' ? version : null;
      } catch {
        return null;
      }
    }
    if (new URL('..', folder).href === folder.href) return null;
  }
}

async function importRanks(encoding: CountedEncoding): Promise<{ bpe_ranks: string; pat_str: string }> {
  // The rank texts ship inside js-tiktoken, so nothing is downloaded. @langchain/core's own
  // getEncoding fetches them over the network, which is why it is not used here.
  return encoding === 'cl100k_base' ? (await import('js-tiktoken/ranks/cl100k_base')).default : (await import('js-tiktoken/ranks/o200k_base')).default;
}

async function buildRanks(encoding: CountedEncoding): Promise<Omit<EncodingRanks, 'file'>> {
  const ranks = await importRanks(encoding);
  return { table: RankTable.build(ranks.bpe_ranks), pattern: ranks.pat_str, source: 'built' };
}

/**
 * Loads an encoding's rank table. With a cache folder, it reads the table from a file named
 * after the encoding, the js-tiktoken version and the file format version. When that file is
 * missing or unusable, it builds the table from js-tiktoken's rank text and writes the file
 * for the next run. A cache hit skips importing the 2 MB rank module. A cache folder that
 * cannot be read or written only costs the build, so cache problems never make this throw.
 */
export async function loadEncodingRanks({ encoding, cacheDir }: LoadEncodingRanksOptions): Promise<EncodingRanks> {
  tiktokenVersion ??= findTiktokenVersion();
  if (cacheDir === undefined || tiktokenVersion === null) return { ...(await buildRanks(encoding)), file: undefined };
  const key = `${encoding} js-tiktoken@${tiktokenVersion}`;
  const file = join(cacheDir, `rank-table.${encoding}.js-tiktoken-${tiktokenVersion.replace(/[^\w.-]/g, '_')}.v${rankTableFormatVersion}.bin`);

  const cached = readRankTableFile(file, key);
  if (cached.ok) return { table: cached.table, pattern: cached.pattern, source: 'file', file };

  const built = await buildRanks(encoding);
  try {
    writeRankTableFile(file, { key, pattern: built.pattern, table: built.table });
  } catch {
    // A read-only or missing cache folder costs only this rebuild on every run.
  }
  return { ...built, file };
}
