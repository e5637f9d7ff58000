import type { AlertDraft } from './alert-schema.js';
import { maxTimestampChars, normalizeTimestamp } from './normalize-timestamp.js';

/** Returns the start of a value for a note, so that a huge value does not flood the output. */
function quoteStart(text: string): string {
  return text.length > maxTimestampChars ? `${text.slice(0, maxTimestampChars)}...` : text;
}

/**
 * Sets a draft's timestamp from a raw value: UTC ISO 8601 in `timestamp` when it can be read,
 * the value as written in `timestampOriginal`, and any assumption made as a note.
 */
export function applyTimestamp(draft: AlertDraft, value: string | number | undefined, referenceTime: Date): void {
  const timestamp = normalizeTimestamp(value, { referenceTime });
  if (!timestamp) return;
  draft.timestampOriginal = timestamp.original;
  if (timestamp.utc) draft.timestamp = timestamp.utc;
  else draft.notes = [...(draft.notes ?? []), `timestamp "${quoteStart(timestamp.original)}" is in no known form; it is kept as written`];
  if (timestamp.note) draft.notes = [...(draft.notes ?? []), timestamp.note];
}
