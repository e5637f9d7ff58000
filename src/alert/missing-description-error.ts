import { InputError } from '../errors/input-error.js';
import type { FieldEntry } from './assign-fields.js';
import { alertFieldsFor, normalizeFieldName } from './field-aliases.js';

function namesDescription(path: string): boolean {
  const last = path.split('.').pop() ?? path;
  return [path, last].some((name) => alertFieldsFor(normalizeFieldName(name)).some(({ field }) => field === 'description'));
}

export interface MissingDescriptionErrorOptions {
  entries: FieldEntry[];
  origin: string;
  /** Next step for the user, printed after the message. */
  hint: string;
  /** Words before the list of field names, such as "fields" or "found keys". */
  listLabel: string;
}

/**
 * Builds the error for an alert without a description. When a field with a description name
 * exists but contains no letters, such as a number, the message names that field and its
 * value, because a list of fields that includes "description" would read as a contradiction.
 */
export function missingDescriptionError({ entries, origin, hint, listLabel }: MissingDescriptionErrorOptions): InputError {
  const wordless = entries.find((entry) => namesDescription(entry.path));
  if (wordless) {
    const value = String(wordless.value).trim();
    const shown = value.length > 40 ? `${value.slice(0, 40)}...` : value;
    return new InputError(`${origin}: field "${wordless.path}" has no words ("${shown}"), so the alert has no description`, { hint });
  }
  const names = entries.slice(0, 12).map((entry) => entry.path).join(', ');
  return new InputError(`${origin}: the alert has no description (${listLabel}: ${names || 'none'})`, { hint });
}
