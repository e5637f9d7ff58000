import type { AttackIndex } from '../attack/attack-index.js';
import { loadAttackIndex } from '../attack/load-attack-index.js';
import { DerivedFileCache } from '../cache/derived-file-cache.js';
import type { Environment } from '../config/environment.js';
import { userCacheDir, userDataDir } from '../config/user-dirs.js';
import type { Logger } from '../logging/logger.js';
import { createTechniqueMapper } from '../mapping/create-technique-mapper.js';
import { readExamples } from '../mapping/examples/read-examples.js';
import type { TechniqueMapper } from '../mapping/technique-mapping.js';

export interface Knowledge {
  index: AttackIndex;
  mapper: TechniqueMapper;
}

export interface LoadIndexOptions {
  /** Value of `--attack`. */
  attackPath?: string;
  environment: Environment;
  /** False turns the derived-file cache off (`--no-cache`). */
  useCache: boolean;
  logger: Logger;
}

export interface LoadKnowledgeOptions extends LoadIndexOptions {
  /** Value of `--examples`: labelled examples for the mapper; `IDS_EXPLAIN_EXAMPLES` when absent. */
  examplesPath?: string;
}

/** Opens the derived-file cache in the user cache folder, or returns undefined under `--no-cache`. */
export function openDerivedCache({ environment, useCache, logger }: Omit<LoadIndexOptions, 'attackPath'>): DerivedFileCache | undefined {
  return useCache ? new DerivedFileCache(userCacheDir(environment as Record<string, string | undefined>), logger) : undefined;
}

/**
 * Loads the ATT&CK index from the cache when the bundle is unchanged. Throws AttackDataError
 * when no usable bundle is found.
 */
export function loadIndex({ attackPath, environment, useCache, logger }: LoadIndexOptions): AttackIndex {
  const cacheDir = userCacheDir(environment as Record<string, string | undefined>);
  return loadAttackIndex({
    dataDir: userDataDir(environment as Record<string, string | undefined>),
    cacheDir: useCache ? cacheDir : false,
    logger,
    ...(attackPath !== undefined ? { attackPath } : {}),
    ...(environment.IDS_EXPLAIN_ATTACK !== undefined ? { environmentPath: environment.IDS_EXPLAIN_ATTACK } : {}),
  });
}

/**
 * Loads what every command needs to explain alerts: the ATT&CK index (from the cache when the
 * bundle is unchanged) and the technique mapper built on it, taught by the labelled examples
 * of `--examples` or `IDS_EXPLAIN_EXAMPLES` when either is set. Throws AttackDataError for
 * missing ATT&CK data and InputError for an unreadable examples path.
 */
export function loadKnowledge(options: LoadKnowledgeOptions): Knowledge {
  const index = loadIndex(options);
  const cache = openDerivedCache(options);
  const examplesPath = options.examplesPath ?? options.environment.IDS_EXPLAIN_EXAMPLES;
  const examples = examplesPath ? readExamples(examplesPath, options.logger, cache) : undefined;
  const mapper = createTechniqueMapper({
    index,
    logger: options.logger,
    ...(cache ? { cache } : {}),
    ...(examples ? { examples } : {}),
  });
  return { index, mapper };
}
