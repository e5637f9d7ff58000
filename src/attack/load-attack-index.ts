import { DerivedFileCache } from '../cache/derived-file-cache.js';
import type { Logger } from '../logging/logger.js';
import { silentLogger } from '../logging/logger.js';
import { attackDataFormatVersion, type DomainData } from './attack-data.js';
import { AttackIndex } from './attack-index.js';
import { buildDomainData } from './build-domain-data.js';
import { locateAttackData, type BundleLocation } from './locate-attack-data.js';
import { readStixBundle } from './read-stix-bundle.js';

export interface LoadAttackIndexOptions {
  /** Value of `--attack`: a bundle file or a folder of domain bundles. */
  attackPath?: string;
  /** Value of `IDS_EXPLAIN_ATTACK`. */
  environmentPath?: string;
  /** Folder that `ids-explain attack download` writes to. */
  dataDir: string;
  /** Cache folder for the compact index; false turns the cache off. */
  cacheDir: string | false;
  logger?: Logger;
}

function cacheKey(hash: string): string {
  return `attack-index-${hash}-v${attackDataFormatVersion}`;
}

function corpusKey(hash: string): string {
  return `attack-corpus-${hash}-v${attackDataFormatVersion}`;
}

type DomainCore = Omit<DomainData, 'procedures' | 'analytics'>;
type DomainCorpus = Pick<DomainData, 'procedures' | 'analytics'>;

/**
 * Stores procedures and analytics apart from the rest: they are most of the bytes and only
 * index builds and prompts read them, so a warm start parses them only when asked.
 */
function writeCache(cache: DerivedFileCache, data: DomainData): void {
  const { procedures, analytics, ...core } = data;
  cache.write(corpusKey(data.bundleHash), { procedures, analytics });
  cache.write(cacheKey(data.bundleHash), core);
}

function readCache(cache: DerivedFileCache, hash: string): DomainData | undefined {
  const core = cache.read<DomainCore>(cacheKey(hash));
  if (!core || core.formatVersion !== attackDataFormatVersion || core.bundleHash !== hash) return undefined;
  let corpus: DomainCorpus | undefined;
  const loadCorpus = (): DomainCorpus => {
    corpus ??= cache.read<DomainCorpus>(corpusKey(hash)) ?? { procedures: [], analytics: [] };
    return corpus;
  };
  const data = core as DomainData;
  Object.defineProperty(data, 'procedures', { get: () => loadCorpus().procedures, enumerable: true });
  Object.defineProperty(data, 'analytics', { get: () => loadCorpus().analytics, enumerable: true });
  return data;
}

function loadDomain(location: BundleLocation, cache: DerivedFileCache | undefined, logger: Logger): DomainData {
  const knownHash = cache?.knownHash(location.path);
  if (cache && knownHash) {
    const cached = readCache(cache, knownHash);
    if (cached) {
      logger.debug('loaded ATT&CK index for %s from cache', location.path);
      return cached;
    }
  }

  const started = performance.now();
  const { bundle, hash } = readStixBundle(location.path);
  cache?.rememberHash(location.path, hash);
  const cached = cache ? readCache(cache, hash) : undefined;
  if (cached) return cached;

  const options = location.domainHint ? { bundle, bundleHash: hash, domainHint: location.domainHint } : { bundle, bundleHash: hash };
  const data = buildDomainData(options);
  if (cache) writeCache(cache, data);
  logger.info(
    'indexed %s (%s, %d techniques) in %d ms',
    location.path,
    data.release.label,
    data.techniques.length,
    Math.round(performance.now() - started),
  );
  return data;
}

/**
 * Locates, reads and indexes the ATT&CK bundles, reusing the cached compact index of any
 * bundle whose content has not changed. Throws AttackDataError when no usable bundle is found.
 */
export function loadAttackIndex(options: LoadAttackIndexOptions): AttackIndex {
  const logger = options.logger ?? silentLogger;
  const locations = locateAttackData(options);
  const cache = options.cacheDir === false ? undefined : new DerivedFileCache(options.cacheDir, logger);
  const domains = locations.map((location) => loadDomain(location, cache, logger));
  return new AttackIndex(domains);
}
