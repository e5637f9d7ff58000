import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import type { DerivedFileCache } from '../../cache/derived-file-cache.js';
import type { Logger } from '../../logging/logger.js';
import { listRuleFiles, readSigmaRules, type SigmaReadResult } from './read-sigma-rules.js';

// Part of the cache key, so that a change to how rules are read never serves old entries.
const layoutVersion = 1;

/**
 * Keys a rule folder by the path, size and modification time of every rule file in it. A warm
 * start then lists the folder instead of parsing thousands of YAML files, and adding, removing
 * or editing a file changes the key.
 */
function folderKey(files: string[]): string {
  const hash = createHash('sha256').update(`sigma-rules-v${layoutVersion}\n`);
  for (const file of files) {
    const stats = statSync(file);
    hash.update(`${file}\0${stats.size}\0${stats.mtimeMs}\n`);
  }
  return `sigma-rules-${hash.digest('hex').slice(0, 32)}`;
}

/**
 * Reads Sigma rules like readSigmaRules, served from the derived-file cache when no rule file
 * changed since the last read. Throws what readSigmaRules throws for an unreadable path.
 */
export function readSigmaRulesCached(folder: string, logger: Logger, cache: DerivedFileCache | undefined): SigmaReadResult {
  if (!cache) return readSigmaRules(folder, logger);
  const key = folderKey(listRuleFiles(folder));
  const cached = cache.read<SigmaReadResult>(key);
  if (cached && Array.isArray(cached.rules) && Array.isArray(cached.skipped)) {
    logger.debug('read Sigma rules of %s from the cache', folder);
    return cached;
  }
  const result = readSigmaRules(folder, logger);
  cache.write(key, result);
  return result;
}
