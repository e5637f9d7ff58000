import { attackDomains, type AttackDomain } from '../../attack/attack-data.js';
import { defaultAttackBaseUrl, downloadAttack } from '../../attack/download-attack.js';
import { userDataDir } from '../../config/user-dirs.js';
import { InputError } from '../../errors/input-error.js';
import { loadIndex } from '../../runtime/load-knowledge.js';
import type { CommandContext } from './explain-command.js';

export interface AttackDownloadOptions {
  domain?: string[];
  release?: string;
  baseUrl?: string;
}

function parseDomains(values: string[] | undefined): AttackDomain[] {
  if (!values || values.length === 0) return [...attackDomains];
  return values.map((value) => {
    const domain = value.endsWith('-attack') ? value : `${value}-attack`;
    if (!(attackDomains as readonly string[]).includes(domain)) {
      throw new InputError(`invalid --domain "${value}"`, { hint: 'Use enterprise, ics or mobile' });
    }
    return domain as AttackDomain;
  });
}

/** Runs `ids-explain attack download`: fetches official bundles into the data folder. */
export async function runAttackDownloadCommand(options: AttackDownloadOptions, context: CommandContext): Promise<void> {
  const dataDir = userDataDir(context.environment as Record<string, string | undefined>);
  const downloaded = await downloadAttack({
    domains: parseDomains(options.domain),
    ...(options.release ? { release: options.release } : {}),
    baseUrl: options.baseUrl ?? context.environment.IDS_EXPLAIN_ATTACK_BASE_URL ?? defaultAttackBaseUrl,
    dataDir,
    logger: context.logger,
  });
  for (const bundle of downloaded) {
    const version = bundle.version ? `ATT&CK v${bundle.version}` : 'version not stated';
    context.stdout.write(`${bundle.domain}: ${version}, ${(bundle.bytes / 1024 / 1024).toFixed(1)} MB, saved to ${bundle.path}\n`);
  }
}

/** Runs `ids-explain attack info`: prints which ATT&CK data would be used and what it contains. */
export function runAttackInfoCommand(options: { attack?: string; cache: boolean }, context: CommandContext): void {
  // The index alone: info has no alert to map, so building the mapper would only cost time.
  const index = loadIndex({
    ...(options.attack !== undefined ? { attackPath: options.attack } : {}),
    environment: context.environment,
    useCache: options.cache,
    logger: context.logger,
  });
  for (const domain of index.domains) {
    const active = domain.techniques.filter((technique) => !technique.revoked && !technique.deprecated).length;
    context.stdout.write(
      `${domain.domain}: ${domain.release.label} (STIX ${domain.release.stixVersion}), ${active} active techniques, ` +
        `${domain.tactics.length} tactics, ${domain.mitigations.length} mitigations, sha256 ${domain.bundleHash.slice(0, 12)}\n`,
    );
  }
}
