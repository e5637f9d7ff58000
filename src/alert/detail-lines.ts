import type { FieldEntry } from './assign-fields.js';

/**
 * Maximum length, in characters, of one field value copied into an alert's details. Longer
 * values, such as packet payloads, are cut with a note and stay complete in `raw`.
 */
export const maxDetailValueChars = 2048;

export interface DetailLinesOptions {
  /** Fields to list as `path: value` lines. */
  entries: FieldEntry[];
  /** Receives a note for every value that was cut. */
  notes: string[];
  /** Path prefixes listed first, in this order, because they matter most to a reader. */
  first?: string[];
  /** Free-text lines placed before the fields, such as a log line the sensor quoted. */
  lead?: string[];
}

function rank(path: string, first: string[]): number {
  const position = first.findIndex((prefix) => path === prefix || path.startsWith(`${prefix}.`));
  return position === -1 ? first.length : position;
}

function limitValue(path: string, value: string, notes: string[]): string {
  if (value.length <= maxDetailValueChars) return value;
  notes.push(`field "${path}" has ${value.length} characters; only the first ${maxDetailValueChars} are used in the explanation`);
  return `${value.slice(0, maxDetailValueChars)} [cut]`;
}

/**
 * Formats fields as `path: value` lines for an alert's details, the most telling prefixes
 * first and the rest in record order. Returns undefined when there is nothing to show.
 */
export function detailLines({ entries, notes, first = [], lead = [] }: DetailLinesOptions): string | undefined {
  const ordered = entries
    .map((entry, position) => ({ entry, position, rank: rank(entry.path, first) }))
    .sort((a, b) => a.rank - b.rank || a.position - b.position);
  const lines = [
    ...lead.map((line, position) => limitValue(`line ${position + 1}`, line, notes)),
    ...ordered.map(({ entry }) => `${entry.path}: ${limitValue(entry.path, String(entry.value).trim(), notes)}`),
  ];
  return lines.length > 0 ? lines.join('\n') : undefined;
}
