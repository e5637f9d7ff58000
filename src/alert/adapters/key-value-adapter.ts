import { InputError } from '../../errors/input-error.js';
import type { AlertDraft } from '../alert-schema.js';
import type { AlertInput } from '../alert-input.js';
import { assignFields, type FieldEntry } from '../assign-fields.js';
import { alertFieldsFor, normalizeFieldName } from '../field-aliases.js';
import { missingDescriptionError } from '../missing-description-error.js';
import type { AlertAdapter } from './alert-adapter.js';

// A key is a short label of one to six words before a colon and a space, optionally behind a
// markdown bullet and in bold: "Source IP: x", "- **Source IP**: x", "**Source IP:** x".
const keyPattern =
  /^\s*(?:[-*+]\s+|\d{1,2}[.)]\s+)?(?:\*\*|__)?([A-Za-z@][\w&/()@.-]*(?: [\w&/()@.-]+){0,5}?)(?:\*\*|__)?\s*:(?:\*\*|__)?(?:\s+|$)(.*)$/;

function splitSegments(text: string): string[] {
  const segments: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(?:#{1,6}\s|---+\s*$|```)/.test(line)) continue;
    // Split a line at ";" only where a new "Key: value" pair starts, so that semicolons
    // inside a value (command lines, prose) stay in that value.
    const parts = line.split(/;(?=\s*(?:\*\*|__)?[A-Za-z@][\w&/()@. -]{0,50}?(?:\*\*|__)?\s*:(?:\*\*|__)?(?:\s|$))/);
    segments.push(...parts);
  }
  return segments;
}

function isLabel(key: string): boolean {
  return key.split(' ').length <= 6 && !/^(?:https?|ftp|file)$/i.test(key);
}

/** Reads `Key: value` pairs in lines, `;`-separated runs or markdown bullets into fields. */
export function readKeyValuePairs(text: string): FieldEntry[] {
  const entries: FieldEntry[] = [];
  for (const segment of splitSegments(text)) {
    const match = keyPattern.exec(segment);
    const key = match?.[1]?.trim();
    if (match && key && isLabel(key)) {
      entries.push({ path: key, value: (match[2] ?? '').replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '').trim() });
      continue;
    }
    const continuation = segment.trim();
    const last = entries[entries.length - 1];
    if (!continuation) continue;
    if (last) last.value = last.value === '' ? continuation : `${last.value}; ${continuation}`;
  }
  return entries;
}

function knownKeyCount(entries: FieldEntry[]): number {
  return entries.filter((entry) => alertFieldsFor(normalizeFieldName(entry.path)).length > 0).length;
}

/** Plain key/value text, one pair per line, `;`-separated, or as markdown bullets. */
export const keyValueAdapter: AlertAdapter = {
  name: 'key-value',
  label: 'key/value text ("Description: ...", one per line, ";"-separated or markdown bullets)',

  detect(input: AlertInput): number {
    // Text that starts with "{" is JSON, valid or not, so its errors name a line and column.
    if (input.json !== undefined || input.partialJson || input.text.trimStart().startsWith('{')) return 0;
    const entries = readKeyValuePairs(input.text.slice(0, 64 * 1024));
    const known = knownKeyCount(entries);
    if (known >= 2) return 0.8;
    if (known === 1) return 0.5;
    return entries.length >= 2 ? 0.3 : 0;
  },

  parse(input: AlertInput): AlertDraft {
    const entries = readKeyValuePairs(input.text);
    if (entries.length === 0) {
      throw new InputError(`${input.origin}: no "Key: value" lines found`, {
        hint: 'Write the alert as lines such as "Description: ..." and "Source IP: ..."',
      });
    }
    const raw = Object.fromEntries(entries.map((entry) => [entry.path, entry.value]));
    const draft = assignFields(entries, 'key-value', raw);
    if (!draft) {
      throw missingDescriptionError({
        entries,
        origin: input.origin,
        hint: 'Add a "Description:" line saying what the rule or signature detected',
        listLabel: 'found keys',
      });
    }
    return draft;
  },
};
