/** One stream entry: its ID and its fields in stored order. */
export interface StreamEntry {
  id: string;
  fields: Map<string, string>;
}

/**
 * Parses stream entries from a raw RESP2 reply, as XRANGE, XREADGROUP and XAUTOCLAIM return
 * them: `[[id, [field, value, ...]], ...]`. Entries whose fields are null are left out.
 * XREADGROUP returns such entries for messages deleted while pending.
 */
export function parseStreamEntries(raw: unknown): StreamEntry[] {
  if (!Array.isArray(raw)) return [];
  const entries: StreamEntry[] = [];
  for (const item of raw) {
    if (!Array.isArray(item) || !Array.isArray(item[1])) continue;
    const values = item[1] as unknown[];
    const fields = new Map<string, string>();
    for (let index = 0; index + 1 < values.length; index += 2) fields.set(String(values[index]), String(values[index + 1]));
    entries.push({ id: String(item[0]), fields });
  }
  return entries;
}

/** Returns the entries of one stream from a raw XREADGROUP reply, or none when it timed out. */
export function readGroupEntries(raw: unknown): StreamEntry[] {
  if (!Array.isArray(raw) || raw.length === 0) return [];
  const [stream] = raw as unknown[][];
  return parseStreamEntries(stream?.[1]);
}
