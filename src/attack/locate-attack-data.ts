import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { attackDataHome, AttackDataError } from '../errors/attack-data-error.js';
import { attackDomains, type AttackDomain } from './attack-data.js';

export interface BundleLocation {
  path: string;
  /** Domain suggested by the file name; the bundle's own objects decide when they name one. */
  domainHint?: AttackDomain;
}

export interface LocateAttackDataOptions {
  /** Value of `--attack`. */
  attackPath?: string;
  /** Value of `IDS_EXPLAIN_ATTACK`. */
  environmentPath?: string;
  /** Folder that `ids-explain attack download` writes to. */
  dataDir: string;
}

const downloadHint = `Pass --attack PATH, set IDS_EXPLAIN_ATTACK, or run "ids-explain attack download" (official data: ${attackDataHome})`;

function domainFromFileName(path: string): AttackDomain | undefined {
  return attackDomains.find((domain) => path.includes(domain));
}

/** Lists the domain bundles in a folder, in the mitre/cti or the attack-stix-data layout. */
export function findBundlesInFolder(folder: string): BundleLocation[] {
  const found: BundleLocation[] = [];
  for (const domain of attackDomains) {
    const candidates = [join(folder, `${domain}.json`), join(folder, domain, `${domain}.json`)];
    const path = candidates.find((candidate) => existsSync(candidate));
    if (path) found.push({ path, domainHint: domain });
  }
  return found;
}

/**
 * Finds the ATT&CK bundles to load: the `--attack` path, else `IDS_EXPLAIN_ATTACK`, else the
 * download folder. A path may name a bundle file or a folder with enterprise, ICS and mobile
 * bundles. Throws AttackDataError naming the option, the variable and where to get the data.
 */
export function locateAttackData(options: LocateAttackDataOptions): BundleLocation[] {
  const explicit = options.attackPath ?? options.environmentPath;
  const origin = options.attackPath ? '--attack' : 'IDS_EXPLAIN_ATTACK';

  if (explicit === undefined || explicit.trim() === '') {
    const downloaded = existsSync(options.dataDir) ? findBundlesInFolder(join(options.dataDir, 'attack')) : [];
    if (downloaded.length > 0) return downloaded;
    throw new AttackDataError('no ATT&CK data found', { hint: downloadHint });
  }

  const path = resolve(explicit);
  if (!existsSync(path)) {
    throw new AttackDataError(`ATT&CK data not found at ${path} (from ${origin})`, { hint: downloadHint });
  }
  if (statSync(path).isFile()) {
    const location: BundleLocation = { path };
    const hint = domainFromFileName(path);
    return [hint ? { ...location, domainHint: hint } : location];
  }
  const bundles = findBundlesInFolder(path);
  if (bundles.length === 0) {
    throw new AttackDataError(
      `${path} (from ${origin}) holds no ATT&CK bundle; expected ${attackDomains.map((d) => `${d}.json`).join(', ')}`,
      { hint: downloadHint },
    );
  }
  return bundles;
}
