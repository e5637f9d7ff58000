import { emptyEvidence, type Evidence } from '../../../src/mapping/gather-evidence.js';

/** Returns evidence with every source empty, no query terms and no platforms, except `parts`. */
export function buildEvidence(parts: Partial<Evidence> = {}): Evidence {
  return { ...emptyEvidence({ prior: [], queryTerms: new Set(), platforms: new Set() }), ...parts };
}
