import { createHash } from 'node:crypto';
import type { Alert } from '../alert/alert-schema.js';

/** The alert as the prompt's data block shows it. */
export interface AlertDataBlock {
  /** JSON text of the alert's fields, safe to place between the block's delimiters. */
  json: string;
  /** Identifier written into both delimiters; it depends on the block's content. */
  boundary: string;
}

// Characters that could end the block early or hide text from a reader of the prompt: angle
// brackets, line and paragraph separators, invisible format characters and Unicode tags.
const unsafeCharacters = /[<>\u2028\u2029\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|[\u{e0000}-\u{e007f}]/gu;

function escapeUnsafe(json: string): string {
  return json.replace(unsafeCharacters, (char) => {
    const code = char.codePointAt(0)!;
    if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
    const high = Math.floor((code - 0x10000) / 0x400) + 0xd800;
    const low = ((code - 0x10000) % 0x400) + 0xdc00;
    return `\\u${high.toString(16)}\\u${low.toString(16)}`;
  });
}

function endpoint(value: Alert['source']): Record<string, unknown> | undefined {
  const entries = Object.entries(value).filter(([, field]) => field !== undefined);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * Returns the alert's key fields, and its details cut to `maxDetailChars`, as the fields
 * of the data block. Key fields are never shortened.
 */
export function alertDataFields(alert: Alert, maxDetailChars: number): Record<string, unknown> {
  const details = alert.details && maxDetailChars > 0
    ? alert.details.length > maxDetailChars ? `${alert.details.slice(0, maxDetailChars)} [cut to save prompt space]` : alert.details
    : undefined;
  const fields: Record<string, unknown> = {
    description: alert.description,
    rule_name: alert.ruleName,
    rule_id: alert.ruleId,
    sensor: alert.sensor,
    category: alert.category,
    severity: alert.severity,
    protocol: alert.protocol,
    time_utc: alert.timestamp,
    time_as_written: alert.timestampOriginal !== alert.timestamp ? alert.timestampOriginal : undefined,
    source: endpoint(alert.source),
    destination: endpoint(alert.destination),
    attack_ids_in_alert: alert.attackIds.length > 0 ? alert.attackIds : undefined,
    attack_tactics_in_alert: alert.attackTactics.length > 0 ? alert.attackTactics : undefined,
    other_hosts: alert.hosts.length > 0 ? alert.hosts : undefined,
    accounts: alert.users.length > 0 ? alert.users : undefined,
    details,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/**
 * Formats alert fields as the prompt's data block, with a boundary derived from the content's
 * hash. The block is indented JSON in which angle brackets, line separators and invisible
 * characters are written as \u escapes, so no field value can close the block or hide text.
 */
export function formatAlertData(fields: Record<string, unknown>): AlertDataBlock {
  const json = escapeUnsafe(JSON.stringify(fields, null, 2));
  const boundary = createHash('sha256').update(json).digest('hex').slice(0, 12);
  return { json, boundary };
}
