import type { AlertDraft } from './alert-schema.js';
import { normalizeTimestamp } from './normalize-timestamp.js';

/**
 * Sets a draft's timestamp from a raw value: UTC ISO 8601 in `timestamp` when it can be read,
 * the value as written in `timestampOriginal`, and any assumption made as a note.
 */
export function applyTimestamp(draft: AlertDraft, value: string | number | undefined, referenceTime: Date): void {
  const timestamp = normalizeTimestamp(value, { referenceTime });
  if (!timestamp) return;
  draft.timestampOriginal = timestamp.original;
  if (timestamp.utc) draft.timestamp = timestamp.utc;
  else draft.notes = [...(draft.notes ?? []), `timestamp "${timestamp.original}" is in no known form; it is kept as written`];
  if (timestamp.note) draft.notes = [...(draft.notes ?? []), timestamp.note];
}
