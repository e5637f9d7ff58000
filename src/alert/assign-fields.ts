import type { AlertDraft } from './alert-schema.js';
import { alertFieldsFor, normalizeFieldName, type AlertFieldName } from './field-aliases.js';
import { normalizeTimestamp } from './normalize-timestamp.js';

/** One input field: its path as written ("Source IP", "alert.signature") and a scalar value. */
export interface FieldEntry {
  path: string;
  value: string | number | boolean;
}

interface Match {
  entry: FieldEntry;
  rank: number;
  depth: number;
}

function candidateNames(path: string): string[] {
  const segments = path.split('.');
  const names = [normalizeFieldName(path)];
  if (segments.length > 1) {
    names.push(normalizeFieldName(segments.slice(-2).join('.')));
    names.push(normalizeFieldName(segments[segments.length - 1] ?? ''));
  }
  return [...new Set(names)];
}

function collectMatches(entries: FieldEntry[]): Map<AlertFieldName, Match[]> {
  const matches = new Map<AlertFieldName, Match[]>();
  for (const entry of entries) {
    if (typeof entry.value === 'string' && entry.value.trim() === '') continue;
    const depth = entry.path.split('.').length;
    const seen = new Set<AlertFieldName>();
    candidateNames(entry.path).forEach((name, nameIndex) => {
      for (const { field, rank } of alertFieldsFor(name)) {
        if (seen.has(field)) continue;
        seen.add(field);
        const list = matches.get(field) ?? [];
        // A match on the whole path beats one on the last segment alone.
        list.push({ entry, rank: rank + nameIndex * 0.5, depth });
        matches.set(field, list);
      }
    });
  }
  for (const list of matches.values()) list.sort((a, b) => a.rank - b.rank || a.depth - b.depth);
  return matches;
}

function text(value: FieldEntry['value']): string {
  return String(value).trim();
}

function port(value: FieldEntry['value'] | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isInteger(number) && number >= 0 && number <= 65535 ? number : undefined;
}

/**
 * Fills the alert fields from named input fields by matching names against the known aliases.
 * Single-valued fields take the best-ranked match; ATT&CK IDs, tactics, users and hosts collect
 * every match. Fields that fill nothing are kept, as `path: value` lines, in `details`.
 */
export function assignFields(entries: FieldEntry[], format: string, raw: Record<string, unknown>): AlertDraft | undefined {
  const matches = collectMatches(entries);
  const used = new Set<FieldEntry>();
  const take = (field: AlertFieldName, accept: (value: FieldEntry['value']) => boolean = () => true) => {
    const match = matches.get(field)?.find((candidate) => !used.has(candidate.entry) && accept(candidate.entry.value));
    if (match) used.add(match.entry);
    return match?.entry.value;
  };
  const takeAll = (field: AlertFieldName) => {
    const values = (matches.get(field) ?? []).map((match) => match.entry);
    values.forEach((entry) => used.add(entry));
    return values;
  };
  const isText = (value: FieldEntry['value']) => typeof value === 'string' && /\p{L}/u.test(value);

  const description = take('description', isText);
  if (description === undefined) return undefined;
  const draft: AlertDraft = { format, description: text(description), raw };

  const ruleName = take('ruleName', isText);
  if (ruleName !== undefined && text(ruleName) !== draft.description) draft.ruleName = text(ruleName);
  const ruleId = take('ruleId');
  if (ruleId !== undefined) draft.ruleId = text(ruleId);

  const source: AlertDraft['source'] = {};
  const destination: AlertDraft['destination'] = {};
  const sourceAddress = take('sourceAddress', (value) => typeof value !== 'boolean');
  if (sourceAddress !== undefined) source.address = text(sourceAddress);
  const destinationAddress = take('destinationAddress', (value) => typeof value !== 'boolean');
  if (destinationAddress !== undefined) destination.address = text(destinationAddress);
  const sourcePort = port(take('sourcePort', (value) => port(value) !== undefined));
  if (sourcePort !== undefined) source.port = sourcePort;
  const destinationPort = port(take('destinationPort', (value) => port(value) !== undefined));
  if (destinationPort !== undefined) destination.port = destinationPort;
  const sourceHost = takeAll('sourceHost')[0];
  if (sourceHost) source.host = text(sourceHost.value);
  const hosts = takeAll('destinationHost').map((entry) => text(entry.value));
  if (hosts[0]) destination.host = hosts[0];
  const users = takeAll('user').map((entry) => text(entry.value));
  if (users[0]) source.user = users[0];
  draft.source = source;
  draft.destination = destination;
  draft.hosts = hosts;
  draft.users = users;

  const protocol = take('protocol');
  if (protocol !== undefined) draft.protocol = text(protocol);
  const timestampValue = take('timestamp', (value) => normalizeTimestamp(value)?.utc !== undefined) ?? take('timestamp');
  const timestamp = normalizeTimestamp(timestampValue);
  if (timestamp) {
    draft.timestampOriginal = timestamp.original;
    if (timestamp.utc) draft.timestamp = timestamp.utc;
    draft.notes = timestamp.note ? [timestamp.note] : [];
  }
  const severity = take('severity');
  if (severity !== undefined) draft.severity = text(severity);
  const sensor = take('sensor', isText);
  if (sensor !== undefined) draft.sensor = text(sensor);
  const category = take('category', isText);
  if (category !== undefined) draft.category = text(category);

  draft.attackIds = takeAll('attackIds').map((entry) => text(entry.value));
  draft.attackTactics = takeAll('attackTactics').map((entry) => text(entry.value));

  const detailEntries = takeAll('details').filter((entry) => !isDuplicate(entry, draft));
  const rest = entries.filter((entry) => !used.has(entry));
  const detailLines = [
    ...detailEntries.map((entry) => text(entry.value)),
    ...rest.map((entry) => `${entry.path}: ${text(entry.value)}`),
  ];
  if (detailLines.length > 0) draft.details = detailLines.join('\n');
  return draft;
}

function isDuplicate(entry: FieldEntry, draft: AlertDraft): boolean {
  return text(entry.value) === draft.description;
}
