import type { Alert } from '../alert/alert-schema.js';
import { extractFacts } from '../facts/extract-facts.js';
import { isInternalAddress } from '../facts/is-internal-address.js';
import { placeholderKinds, placeholderPattern, type PlaceholderKind } from './placeholder-pattern.js';

/** Replaces private values of one alert with placeholders and restores them in model output. */
export interface Redactor {
  /** Copy of the alert with every private value replaced. */
  readonly alert: Alert;
  /** Number of distinct values replaced, by kind. */
  readonly counts: Record<PlaceholderKind, number>;
  /** Replaces the alert's private values in any text, such as a note that repeats one. */
  text(value: string): string;
  /** Returns a copy of a value with every known placeholder in its strings replaced by the original. */
  restore<T>(value: T): T;
}

// Account names written in log text: "Invalid user deploy", "for admin from", "user=alice".
// NOTE: a name in free text without one of these shapes is not found and is sent as written.
const accountInTextPatterns = [
  /\b(?:invalid|illegal) user ([\w.$-]{2,64})/gi,
  /\bfor (?:invalid user )?([\w.$-]{2,64}) from\b/gi,
  /\b(?:user(?:name)?|account(?: name)?|accountname|login|srcuser|dstuser|subject_?user|target_?user)\s*[=:]\s*"?([\w.$@\\-]{2,64})/gi,
];
const emailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const notNames = new Set(['-', 'n/a', 'na', 'none', 'null', 'unknown', 'invalid', 'from', 'user', 'true', 'false']);

function collectStrings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((item) => collectStrings(item, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => collectStrings(item, into));
  return into;
}

function mapStrings<T>(value: T, transform: (text: string) => string): T {
  if (typeof value === 'string') return transform(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, transform)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, transform)])) as T;
  }
  return value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

class PlaceholderTable {
  readonly byValue = new Map<string, string>();
  readonly originals = new Map<string, string>();
  readonly counts: Record<PlaceholderKind, number> = { user: 0, host: 0, email: 0, address: 0 };

  add(kind: PlaceholderKind, value: string | undefined, alias?: string): void {
    const trimmed = value?.trim();
    if (!trimmed || trimmed.length < 2 || notNames.has(trimmed.toLowerCase())) return;
    let placeholder = this.byValue.get(trimmed.toLowerCase());
    if (!placeholder) {
      this.counts[kind] += 1;
      placeholder = `${placeholderKinds[kind]}_${this.counts[kind]}`;
      this.byValue.set(trimmed.toLowerCase(), placeholder);
      this.originals.set(placeholder, trimmed);
    }
    if (alias && alias.length >= 2 && !this.byValue.has(alias.toLowerCase())) this.byValue.set(alias.toLowerCase(), placeholder);
  }
}

function addAccount(table: PlaceholderTable, account: string | undefined): void {
  if (!account) return;
  if (account.includes('@')) return table.add('email', account);
  const bare = account.includes('\\') ? account.slice(account.lastIndexOf('\\') + 1) : undefined;
  table.add('user', account, bare);
}

function buildTable(alert: Alert): PlaceholderTable {
  const table = new PlaceholderTable();
  const texts = collectStrings([alert.raw, alert.description, alert.details ?? '', alert.source, alert.destination]);
  const joined = texts.join('\n');
  const facts = extractFacts(joined);
  for (const endpoint of [alert.source, alert.destination]) {
    addAccount(table, endpoint.user);
    table.add('host', endpoint.host);
    if (endpoint.address && isInternalAddress(endpoint.address)) table.add('address', endpoint.address);
  }
  alert.users.forEach((user) => addAccount(table, user));
  alert.hosts.forEach((host) => table.add('host', host));
  for (const pattern of accountInTextPatterns) for (const match of joined.matchAll(pattern)) addAccount(table, match[1]);
  for (const match of joined.matchAll(emailPattern)) table.add('email', match[0]);
  facts.accounts.forEach((account) => addAccount(table, account));
  facts.hosts.forEach((host) => table.add('host', host));
  facts.addresses.filter(isInternalAddress).forEach((address) => table.add('address', address));
  return table;
}

/**
 * Creates a redactor for one alert. User names, host names, e-mail addresses and internal IP
 * addresses get placeholders such as USER_1 or INTERNAL_IP_2. The values come from the
 * alert's fields and from account patterns in its text. Placeholders are numbered in order of
 * discovery, so one value always gets the same placeholder within the alert. Public addresses
 * stay, because they name outside systems that the explanation needs.
 */
export function createRedactor(alert: Alert): Redactor {
  const table = buildTable(alert);
  const values = [...table.byValue.keys()].sort((a, b) => b.length - a.length);
  const pattern = values.length > 0 ? new RegExp(`(?<![\\w.@\\\\-])(?:${values.map(escapeRegExp).join('|')})(?![\\w@-]|\\.[\\w])`, 'gi') : undefined;
  const text = (value: string) => (pattern ? value.replace(pattern, (match) => table.byValue.get(match.toLowerCase()) ?? match) : value);
  const restoreText = (value: string) => value.replace(placeholderPattern, (placeholder) => table.originals.get(placeholder) ?? placeholder);
  return {
    alert: mapStrings(alert, text),
    counts: table.counts,
    text,
    restore: (value) => mapStrings(value, restoreText),
  };
}
