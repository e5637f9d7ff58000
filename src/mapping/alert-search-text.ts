import type { Alert } from '../alert/alert-schema.js';

/** Longest slice of the details field that mapping reads; payloads beyond it add noise. */
const maxDetailChars = 4000;

/**
 * Returns the alert text that technique mapping reads: what the rule says it detects, its
 * name, category, protocol and details. Addresses and times are left out.
 */
export function alertSearchText(alert: Alert): string {
  return [
    alert.description,
    alert.ruleName,
    alert.category,
    alert.protocol,
    alert.details?.slice(0, maxDetailChars),
  ]
    .filter((part): part is string => Boolean(part))
    .join('\n');
}
