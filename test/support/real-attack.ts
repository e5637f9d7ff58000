import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AttackIndex } from '../../src/attack/attack-index.js';
import { loadAttackIndex } from '../../src/attack/load-attack-index.js';
import { DerivedFileCache } from '../../src/cache/derived-file-cache.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createTechniqueMapper } from '../../src/mapping/create-technique-mapper.js';
import type { TechniqueMapper } from '../../src/mapping/technique-mapping.js';

export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Returns the folder with the real ATT&CK bundles: `IDS_EXPLAIN_TEST_ATTACK`, else the
 * `shared/attack` folder beside the repository. Throws when it is missing, because the
 * integration tests must run against the real release.
 */
export function realAttackPath(): string {
  const path = process.env.IDS_EXPLAIN_TEST_ATTACK ?? resolve(repositoryRoot, '../shared/attack');
  if (!existsSync(join(path, 'enterprise-attack.json'))) {
    throw new Error(`real ATT&CK data not found at ${path}; set IDS_EXPLAIN_TEST_ATTACK to a folder with enterprise-attack.json`);
  }
  return path;
}

let index: AttackIndex | undefined;
let mapper: TechniqueMapper | undefined;

/** Loads the real ATT&CK index once per test worker, through the worker's cache folder. */
export function realAttackIndex(): AttackIndex {
  index ??= loadAttackIndex({
    attackPath: realAttackPath(),
    dataDir: process.env.IDS_EXPLAIN_DATA_DIR!,
    cacheDir: process.env.IDS_EXPLAIN_CACHE_DIR!,
    logger: silentLogger,
  });
  return index;
}

/** Builds the technique mapper over the real index once per test worker. */
export function realMapper(): TechniqueMapper {
  mapper ??= createTechniqueMapper({
    index: realAttackIndex(),
    cache: new DerivedFileCache(process.env.IDS_EXPLAIN_CACHE_DIR!, silentLogger),
  });
  return mapper;
}
