import { DerivedFileCache } from '../cache/derived-file-cache.js';
import type { Logger } from '../logging/logger.js';
import { silentLogger } from '../logging/logger.js';
import { attackDataHome, AttackDataError } from '../errors/attack-data-error.js';
import { attackDataFormatVersion, type DomainData } from './attack-data.js';
import { AttackIndex } from './attack-index.js';
import { buildDomainData } from './build-domain-data.js';
import { isDomainCore, isDomainCorpus } from './is-domain-core.js';
import { locateAttackData, type BundleLocation } from './locate-attack-data.js';
import { readStixBundle } from './read-stix-bundle.js';
import type { StixBundle } from './stix-types.js';

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

/**
 * Reads a domain from the cache, or returns undefined when the entry is missing, stale or not
 * in the expected shape. The procedures and analytics load on first use. When their entry is
 * missing or damaged by then, `rebuild` indexes the bundle again to restore them.
 */
function readCache(cache: DerivedFileCache, hash: string, rebuild: () => DomainData, logger: Logger): DomainData | undefined {
  const core = cache.read<unknown>(cacheKey(hash));
  if (core === undefined) return undefined;
  if (!isDomainCore(core) || core.formatVersion !== attackDataFormatVersion || core.bundleHash !== hash) {
    logger.warn('ignoring the damaged or outdated cached ATT&CK index %s and indexing the bundle again', cacheKey(hash));
    return undefined;
  }
  let corpus: DomainCorpus | undefined;
  const loadCorpus = (): DomainCorpus => {
    if (corpus) return corpus;
    const cached = cache.read<unknown>(corpusKey(hash));
    if (isDomainCorpus(cached)) return (corpus = cached);
    logger.warn('the cached ATT&CK procedures %s are missing or damaged, so the bundle is indexed again', corpusKey(hash));
    const { procedures, analytics } = rebuild();
    return (corpus = { procedures, analytics });
  };
  const data = core as DomainData;
  Object.defineProperty(data, 'procedures', { get: () => loadCorpus().procedures, enumerable: true });
  Object.defineProperty(data, 'analytics', { get: () => loadCorpus().analytics, enumerable: true });
  return data;
}

/**
 * Indexes a bundle. Throws AttackDataError naming the file when an object lacks a field of
 * the expected type, because such a bundle is damaged or is not ATT&CK data.
 */
function indexBundle(location: BundleLocation, bundle: StixBundle, hash: string): DomainData {
  const options = location.domainHint ? { bundle, bundleHash: hash, domainHint: location.domainHint } : { bundle, bundleHash: hash };
  try {
    return buildDomainData(options);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new AttackDataError(`${location.path} is not a usable ATT&CK bundle: an object has a field of the wrong type (${error.message})`, {
      hint: `Download the bundle again with "ids-explain attack download" or from ${attackDataHome}`,
      cause: error,
    });
  }
}

function loadDomain(location: BundleLocation, cache: DerivedFileCache | undefined, logger: Logger): DomainData {
  const rebuild = (): DomainData => {
    const { bundle, hash } = readStixBundle(location.path);
    const data = indexBundle(location, bundle, hash);
    if (cache) writeCache(cache, data);
    return data;
  };
  const knownHash = cache?.knownHash(location.path);
  const known = cache && knownHash ? readCache(cache, knownHash, rebuild, logger) : undefined;
  if (known) {
    logger.debug('loaded ATT&CK index for %s from cache', location.path);
    return known;
  }

  const started = performance.now();
  const { bundle, hash } = readStixBundle(location.path);
  cache?.rememberHash(location.path, hash);
  // A touched or moved bundle with unchanged content still has its index in the cache.
  const cached = cache && hash !== knownHash ? readCache(cache, hash, rebuild, logger) : undefined;
  if (cached) return cached;

  const data = indexBundle(location, bundle, hash);
  if (cache) writeCache(cache, data);
  logger.info('indexed %s (%s, %d techniques) in %d ms', location.path, data.release.label, data.techniques.length, Math.round(performance.now() - started));
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
