import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AttackDataError } from '../errors/attack-data-error.js';
import { InputError } from '../errors/input-error.js';
import type { Logger } from '../logging/logger.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';
import { attackDomains, type AttackDomain } from './attack-data.js';
import { hashBundle, parseStixBundle } from './read-stix-bundle.js';

/** Base address of the attack-stix-data repository's bundles, one folder per domain. */
export const defaultAttackBaseUrl = 'https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master';

export interface DownloadAttackOptions {
  domains: AttackDomain[];
  /** ATT&CK release such as "18.1"; the newest release when absent. */
  release?: string;
  baseUrl: string;
  /** Folder that receives `attack/<domain>.json`. */
  dataDir: string;
  logger: Logger;
  /** Maximum time in ms for one domain's download. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface DownloadedBundle {
  domain: AttackDomain;
  path: string;
  url: string;
  sha256: string;
  /** ATT&CK version named by the bundle's collection object, when it has one. */
  version?: string;
  bytes: number;
}

/** Returns the attack-stix-data address of one domain's bundle, for a release or the newest. */
export function bundleUrl(baseUrl: string, domain: AttackDomain, release?: string): string {
  const file = release ? `${domain}-${release}.json` : `${domain}.json`;
  return `${baseUrl.replace(/\/+$/, '')}/${domain}/${file}`;
}

function checkRelease(release: string | undefined): void {
  if (release !== undefined && !/^\d+\.\d+$/.test(release)) {
    throw new InputError(`invalid --release "${release}"`, { hint: 'Use an ATT&CK version such as 18.1' });
  }
}

async function fetchBundle(url: string, options: DownloadAttackOptions): Promise<Buffer> {
  const fetchImpl = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 300_000) });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message;
    throw new AttackDataError(`download of ${url} failed: ${reason}`, {
      hint: 'Check the network connection, or download the bundle by hand and pass it with --attack',
      cause: error,
    });
  }
  if (!response.ok) {
    const hint = response.status === 404 ? 'Check the --release value against the releases that attack-stix-data publishes' : 'Try again later';
    throw new AttackDataError(`download of ${url} failed with HTTP ${response.status}`, { hint });
  }
  return Buffer.from(await response.arrayBuffer());
}

function checkBundle(content: Buffer, url: string, domain: AttackDomain): string | undefined {
  const bundle = parseStixBundle(content, url);
  const collection = bundle.objects.find((object) => object.type === 'x-mitre-collection');
  const domains = new Set(bundle.objects.flatMap((object) => object.x_mitre_domains ?? []));
  if (domains.size > 0 && !domains.has(domain)) {
    throw new AttackDataError(`${url} contains ${[...domains].join(', ')} objects, not ${domain}`, {
      hint: 'Check --base-url; the server returned another domain',
    });
  }
  return collection?.x_mitre_version;
}

/**
 * Downloads the official ATT&CK bundles of some domains and checks that each is a complete STIX
 * bundle of that domain. Each stored copy is replaced atomically, so an interrupted or failed
 * download never leaves a broken file where ids-explain looks for data.
 */
export async function downloadAttack(options: DownloadAttackOptions): Promise<DownloadedBundle[]> {
  checkRelease(options.release);
  const folder = join(options.dataDir, 'attack');
  mkdirSync(folder, { recursive: true });
  const downloaded: DownloadedBundle[] = [];
  for (const domain of options.domains) {
    if (!(attackDomains as readonly string[]).includes(domain)) {
      throw new InputError(`unknown ATT&CK domain "${domain}"`, { hint: 'Use enterprise, ics or mobile' });
    }
    const url = bundleUrl(options.baseUrl, domain, options.release);
    options.logger.info('downloading %s', url);
    const content = await fetchBundle(url, options);
    const version = checkBundle(content, url, domain);
    const path = join(folder, `${domain}.json`);
    writeFileAtomic(path, content);
    const record: DownloadedBundle = { domain, path, url, sha256: hashBundle(content), bytes: content.length };
    downloaded.push(version ? { ...record, version } : record);
  }
  writeFileAtomic(join(folder, 'downloads.json'), JSON.stringify({ downloadedAt: new Date().toISOString(), bundles: downloaded }, null, 2));
  return downloaded;
}
