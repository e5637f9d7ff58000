import type { AttackIndex } from '../attack/attack-index.js';
import { loadAttackIndex } from '../attack/load-attack-index.js';
import { DerivedFileCache } from '../cache/derived-file-cache.js';
import type { Environment } from '../config/environment.js';
import { userCacheDir, userDataDir } from '../config/user-dirs.js';
import type { Logger } from '../logging/logger.js';
import { createTechniqueMapper } from '../mapping/create-technique-mapper.js';
import type { TechniqueMapper } from '../mapping/technique-mapping.js';

export interface Knowledge {
  index: AttackIndex;
  mapper: TechniqueMapper;
}

export interface LoadKnowledgeOptions {
  /** Value of `--attack`. */
  attackPath?: string;
  environment: Environment;
  /** False turns the derived-file cache off (`--no-cache`). */
  useCache: boolean;
  logger: Logger;
}

/**
 * Loads what every command needs to explain alerts: the ATT&CK index (from the cache when the
 * bundle is unchanged) and the technique mapper built on it.
 */
export function loadKnowledge({ attackPath, environment, useCache, logger }: LoadKnowledgeOptions): Knowledge {
  const cacheDir = userCacheDir(environment as Record<string, string | undefined>);
  const locate = {
    dataDir: userDataDir(environment as Record<string, string | undefined>),
    cacheDir: useCache ? cacheDir : (false as const),
    logger,
  };
  const index = loadAttackIndex({
    ...locate,
    ...(attackPath !== undefined ? { attackPath } : {}),
    ...(environment.IDS_EXPLAIN_ATTACK !== undefined ? { environmentPath: environment.IDS_EXPLAIN_ATTACK } : {}),
  });
  const cache = useCache ? new DerivedFileCache(cacheDir, logger) : undefined;
  const mapper = createTechniqueMapper(cache ? { index, cache } : { index });
  return { index, mapper };
}
