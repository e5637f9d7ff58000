import { createHash } from 'node:crypto';
import type { Alert } from '../alert/alert-schema.js';
import { findTechniqueIds } from '../attack/technique-id.js';
import { memoizeByString } from '../util/memoize-by-string.js';

/**
 * Normalises description text so that per-event values do not split one signature into many
 * fingerprints: addresses, numbers, hex strings and quoted values become placeholders.
 */
export function normalizeDescription(text: string): string {
  return normalizeRememberingDescriptions(text);
}

// Alerts of one rule repeat their description, and a batch job fingerprints every alert.
const normalizeRememberingDescriptions = memoizeByString(normalize, { maxEntries: 10_000, maxKeyLength: 2048 });
const hashRememberingParts = memoizeByString((parts) => createHash('sha256').update(parts).digest('hex').slice(0, 16), {
  maxEntries: 10_000,
  maxKeyLength: 4096,
});

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, '<ip>')
    .replace(/\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{0,4}\b/g, '<ip>')
    .replace(/\b0x[0-9a-f]+\b|\b[0-9a-f]{16,}\b/g, '<hex>')
    .replace(/\b\d+(?:\.\d+)?\b/g, '<n>')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Returns the fingerprint of what determines an alert's explanation: rule ID or name, the
 * normalised description, the ATT&CK IDs the alert carries and the sensor. Timestamps,
 * addresses, ports, flow ids and details are excluded, so repeats of one signature share it.
 */
export function fingerprintAlert(alert: Alert): string {
  const parts = {
    rule: alert.ruleId ?? alert.ruleName ?? '',
    description: normalizeDescription(alert.description),
    attackIds: [...new Set(alert.attackIds.flatMap((value) => findTechniqueIds(value)))].sort(),
    sensor: alert.sensor ?? '',
    format: alert.format,
  };
  return hashRememberingParts(JSON.stringify(parts));
}
