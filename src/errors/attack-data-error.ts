import { exitCodes, IdsExplainError } from './ids-explain-error.js';

/** Where the official ATT&CK STIX bundles are published. */
export const attackDataHome = 'https://github.com/mitre-attack/attack-stix-data';

/**
 * ATT&CK data that is missing, unreadable or not a STIX bundle. Exits with code 2 because
 * the fix is always on the user's side: another path, or `ids-explain attack download`.
 */
export class AttackDataError extends IdsExplainError {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { ...options, exitCode: exitCodes.usage });
  }
}
