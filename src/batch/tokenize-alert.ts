import type { Alert } from '../alert/alert-schema.js';
import { isInternalAddress } from '../facts/is-internal-address.js';

/** Opening and closing marks of a placeholder token, as in "⟦A⟧". */
export const tokenOpen = '⟦';
export const tokenClose = '⟧';
export const tokenPattern = /⟦([A-Z·]+)⟧/g;

/**
 * An alert split into what shapes its explanation and what varies per event. The template is
 * the alert with every per-event value replaced by a placeholder token. Only the UTC timestamp
 * and the endpoint addresses stay readable, so that drafts can state the time and tell
 * internal from external addresses. `values` maps each token back to this alert's value. Alerts with equal `templateKey` have identical templates, so one explanation
 * drafted from the template serves all of them once the tokens are filled in.
 */
export interface TokenizedAlert {
  /** The tokenized alert serialised as JSON; equal keys mean identical templates. */
  templateKey: string;
  /** Builds the template alert; its raw fields are tokenized too, which adds their tokens to `values`. */
  createTemplate(): Alert;
  /** Token ("⟦A⟧") to this alert's value. */
  values: Map<string, string>;
  /**
   * Values that the template keeps readable, each with its token: the UTC timestamp's forms
   * and the endpoint addresses. Drafted text gets their tokens afterwards.
   */
  readableTokens: { value: string; token: string }[];
}

// Letters only: the mapper's tokenizer drops one-letter terms, so tokens add no search terms.
function tokenName(index: number): string {
  const letters: string[] = [];
  let rest = index;
  do {
    letters.unshift(String.fromCharCode(65 + (rest % 26)));
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return `${tokenOpen}${letters.join('·')}${tokenClose}`;
}

const eventValuePattern = new RegExp(
  [
    /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/.source,
    /\b\d{4}-\d{2}-\d{2}\b/.source,
    /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/.source,
    /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)/.source,
    /(?<![\w:])(?:[0-9a-f]{1,4}:){2,7}(?::|[0-9a-f]{1,4})(?::[0-9a-f]{1,4}){0,5}(?![\w:])/.source,
    /(?<![\d:])\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?![\d:])/.source,
    /\b0x[0-9a-f]+\b/.source,
    /\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,}\b/.source,
    /\b\d{5,}(?:\.\d+)?\b/.source,
  ].join('|'),
  'gi',
);

/**
 * Assigns tokens to values, one token per distinct value, in the order first seen. Values of
 * alert fields are registered first; texts are tokenized after that, by those values and by
 * the shapes of per-event values.
 */
class TokenTable {
  readonly values = new Map<string, string>();
  private readonly byValue = new Map<string, string>();
  private fieldValues: string[] | undefined;

  /** Gives a value its own token, even when an earlier field has the same value. */
  slot(value: string): string {
    const token = tokenName(this.values.size);
    this.values.set(token, value);
    if (!this.byValue.has(value)) this.byValue.set(value, token);
    return token;
  }

  /** Returns the token of a value, the same one each time the value is seen. */
  token(value: string): string {
    return this.byValue.get(value) ?? this.slot(value);
  }

  /** Replaces the field values, then event-shaped values (addresses, times, long numbers, IDs). */
  tokenizeText(text: string): string {
    // Values found by shape in one text are found by shape again in the next, so only the
    // values registered before the first text are searched for literally.
    this.fieldValues ??= [...this.byValue.keys()].sort((a, b) => b.length - a.length);
    const withFields = replaceFieldValues(text, this.fieldValues, this.byValue);
    // Every event-shaped value has a digit, and most descriptions have none.
    return /\d/.test(withFields) ? withFields.replace(eventValuePattern, (value) => this.token(value)) : withFields;
  }
}

function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** Tells whether a value found at [start, end) is a whole word rather than part of a longer one. */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : -1;
  const after = end < text.length ? text.charCodeAt(end) : -1;
  // Word characters, dots, @, backslashes and hyphens continue an address, host or account.
  const joinsBefore = isWordCode(before) || before === 46 || before === 64 || before === 92 || before === 45;
  const joinsAfter = isWordCode(after) || after === 64 || after === 92 || after === 45 || (after === 46 && isWordCode(text.charCodeAt(end + 1)));
  return !joinsBefore && !joinsAfter;
}

/**
 * Replaces every standalone occurrence of the given values with its token, longest value
 * first, without regular expressions: each alert has its own values, and compiling a pattern
 * per alert costs more than these searches.
 */
function replaceFieldValues(text: string, values: string[], tokens: Map<string, string>): string {
  const found: { start: number; end: number; token: string }[] = [];
  for (const value of values) {
    for (let start = text.indexOf(value); start !== -1; start = text.indexOf(value, start + 1)) {
      const end = start + value.length;
      if (!standsAlone(text, start, end)) continue;
      if (found.some((match) => start < match.end && end > match.start)) continue;
      found.push({ start, end, token: tokens.get(value)! });
    }
  }
  if (found.length === 0) return text;
  found.sort((a, b) => a.start - b.start);
  let result = '';
  let cursor = 0;
  for (const match of found) {
    result += text.slice(cursor, match.start) + match.token;
    cursor = match.end;
  }
  return result + text.slice(cursor);
}

function endpointShape(endpoint: Alert['source'], table: TokenTable) {
  const shape: Record<string, string> = {};
  if (endpoint.address) shape.address = table.token(endpoint.address);
  if (endpoint.host) shape.host = table.token(endpoint.host);
  if (endpoint.user) shape.user = table.token(endpoint.user);
  if (endpoint.port !== undefined) shape.port = table.token(String(endpoint.port));
  return shape;
}

function timeValues(timestamp: string | undefined): string[] {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(timestamp ?? '');
  return match && timestamp ? [timestamp, match[1]!, match[2]!] : [];
}

/** Fields that identify the rule and stay literal even where they look like event values. */
const literalFields = new Set(['format', 'ruleId', 'severity', 'protocol', 'sensor', 'attackIds', 'attackTactics']);
/** Fields that tokenizeAlert handles as per-event slots before any text. */
const slotFields = new Set(['source', 'destination', 'hosts', 'users', 'timestamp', 'timestampOriginal', 'raw']);

/** Tokenizes every field that is neither a slot nor literal, in name order, texts by their content. */
function otherFields(alert: Alert, table: TokenTable): Record<string, unknown> {
  const shaped: Record<string, unknown> = {};
  for (const name of Object.keys(alert).sort()) {
    if (slotFields.has(name)) continue;
    const value = alert[name as keyof Alert];
    if (literalFields.has(name) || value === undefined) shaped[name] = value;
    else if (typeof value === 'string') shaped[name] = table.tokenizeText(value);
    else if (Array.isArray(value)) shaped[name] = value.map((item) => (typeof item === 'string' ? table.tokenizeText(item) : item));
    else shaped[name] = value;
  }
  return shaped;
}

/**
 * Replaces the per-event values of an alert with tokens. These are the endpoint addresses,
 * hosts, accounts and ports, the other hosts and accounts, and the timestamp. Inside every
 * other text field (the description, rule name, category, details, notes and any field added
 * later), IP addresses, dates, times, UUIDs, hex strings and numbers of five or more digits are
 * tokens too. The rule ID, sensor, severity, protocol, ATT&CK IDs and all other wording stay
 * literal, so they are part of the template key. So is whether each endpoint address is on an
 * internal network, because explanations name the side at risk from it. Returns undefined
 * when the alert itself contains a token mark and so cannot be templated.
 */
export function tokenizeAlert(alert: Alert, fingerprint: string): TokenizedAlert | undefined {
  const table = new TokenTable();
  const source = endpointShape(alert.source, table);
  const destination = endpointShape(alert.destination, table);
  const hosts = alert.hosts.map((host) => table.token(host));
  const users = alert.users.map((user) => table.token(user));
  const timeTokens = timeValues(alert.timestamp).map((value) => ({ value, token: table.token(value) }));
  // Whether the original time reads the same as the UTC one is no property of the signature,
  // so it gets its own token either way and does not split the template key.
  const timestampOriginal = alert.timestampOriginal === undefined ? undefined : table.slot(alert.timestampOriginal);
  const internal = [isInternalAddress(alert.source.address), isInternalAddress(alert.destination.address)];
  const shape: Shape = { fingerprint, source, destination, internal, hosts, users, timestamp: timeTokens[0]?.token, timestampOriginal, ...otherFields(alert, table) };

  // The serialised shape is the key itself: hashing it per alert costs more than using a
  // long string as a map key, and the cache key hashes it anyway.
  const templateKey = JSON.stringify(shape);
  if (containsTokenMark(alert, templateKey, table)) return undefined;
  const readable = [alert.source.address, alert.destination.address]
    .filter((value): value is string => value !== undefined)
    .map((value) => ({ value, token: table.token(value) }));
  return {
    templateKey,
    createTemplate: () => buildTemplate(alert, shape, table),
    values: table.values,
    readableTokens: [...timeTokens, ...readable],
  };
}

function containsTokenMark(alert: Alert, serialized: string, table: TokenTable): boolean {
  if ([...table.values.values()].some((value) => value.includes(tokenOpen))) return true;
  const withoutTokens = serialized.replace(tokenPattern, '');
  return withoutTokens.includes(tokenOpen) || alert.description.includes(tokenOpen);
}

interface Shape {
  fingerprint: string;
  source: Record<string, string>;
  destination: Record<string, string>;
  internal: boolean[];
  hosts: string[];
  users: string[];
  timestamp: string | undefined;
  timestampOriginal: string | undefined;
  [field: string]: unknown;
}

function templateEndpoint(shape: Record<string, string>, address: string | undefined): Alert['source'] {
  // Ports are numbers in the alert model, so the template leaves them out and the raw fields
  // keep them as tokens. The address stays readable, because the composer checks whether it
  // is internal. The drafted text gets its token afterwards.
  const { port: _port, address: _address, ...rest } = shape;
  return address === undefined ? rest : { ...rest, address };
}

function buildTemplate(alert: Alert, shape: Shape, table: TokenTable): Alert {
  const { fingerprint: _fingerprint, internal: _internal, timestamp: _timestamp, source, destination, ...fields } = shape;
  const template = {
    ...alert,
    ...fields,
    source: templateEndpoint(source, alert.source.address),
    destination: templateEndpoint(destination, alert.destination.address),
    raw: tokenizeRaw(alert.raw, table) as Record<string, unknown>,
  } as Alert;
  for (const [name, value] of Object.entries(template)) {
    if (value === undefined) delete template[name as keyof Alert];
  }
  return template;
}

function tokenizeRaw(value: unknown, table: TokenTable): unknown {
  if (typeof value === 'string') return table.tokenizeText(value);
  if (typeof value === 'number') {
    const tokenized = table.tokenizeText(String(value));
    return tokenized === String(value) ? value : tokenized;
  }
  if (Array.isArray(value)) return value.map((item) => tokenizeRaw(item, table));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, tokenizeRaw(child, table)]));
  }
  return value;
}
