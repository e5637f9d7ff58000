import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Version of the template format and of the tokenizer. Raise it when either changes, so that
 * cached templates made the old way are no longer used.
 */
export const templateFormatVersion = 1;

let packageVersion: string | undefined;

/** Returns the ids-explain version from package.json, which also versions the offline composer. */
function readPackageVersion(): string {
  if (packageVersion === undefined) {
    try {
      const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
      packageVersion = (JSON.parse(text) as { version?: string }).version ?? 'unknown';
    } catch {
      packageVersion = 'unknown';
    }
  }
  return packageVersion;
}

/** Inputs besides the template key that change the text of an explanation. */
export interface CacheIdentity {
  backend: string;
  model?: string;
  promptVersion?: string;
  /** ATT&CK release label with the hashes of the loaded bundles. */
  attackRelease: string;
  maxTechniques: number;
}

/**
 * Returns the cache key of a template: a hash of the template key (the fingerprint and the
 * tokenized alert), the backend, model, prompt version, ATT&CK release and bundle hashes,
 * the technique limit, the ids-explain version and the template format version.
 */
export function explanationCacheKey(templateKey: string, identity: CacheIdentity): string {
  const parts = [
    templateKey,
    identity.backend,
    identity.model ?? '',
    identity.promptVersion ?? '',
    identity.attackRelease,
    identity.maxTechniques,
    readPackageVersion(),
    templateFormatVersion,
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
