/**
 * Concrete facts that an explanation may repeat only when the alert contains them: addresses,
 * host names, accounts, ports, dates and times.
 */
export interface Facts {
  addresses: string[];
  hosts: string[];
  accounts: string[];
  ports: number[];
  dates: string[];
  times: string[];
}

const ipv4Pattern = /(?<![\d.])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![\d]|\.\d)/g;
const ipv6Pattern = /(?<![\w:])(?:[0-9a-f]{1,4}:){1,7}(?::|[0-9a-f]{1,4})(?::[0-9a-f]{1,4}){0,6}(?![\w:])/gi;
const topLevelDomains = [
  'com', 'org', 'net', 'edu', 'gov', 'mil', 'int', 'io', 'co', 'info', 'biz', 'local', 'lan',
  'corp', 'internal', 'intranet', 'home', 'arpa', 'example', 'test', 'invalid', 'localdomain',
  'uk', 'de', 'fr', 'ru', 'cn', 'jp', 'us', 'eu', 'ca', 'au', 'nl', 'it', 'es', 'br', 'in', 'ch',
  'se', 'no', 'pl', 'kr', 'tw', 'top', 'xyz', 'online', 'site', 'cloud', 'app', 'dev', 'me', 'tk',
  'cc', 'su', 'onion', 'club', 'shop', 'ly', 'gl', 'ws',
];
const hostPattern = new RegExp(
  `(?<![\\w.@-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:${topLevelDomains.join('|')})(?![\\w-]|\\.[a-z0-9])`,
  'gi',
);
// DOMAIN\user. Registry hives (HKLM\Software), folders inside paths, also after a space
// (C:\Program Files\Microsoft Office\x.exe), and shares of UNC paths (\\fs01.example.com\finance)
// share the shape and are excluded.
const accountPattern = /(?<![\w\\.-])(?<!\\[^\\\s]*\s)(?!HK(?:LM|CU|CR|U|CC|EY_[A-Z_]+)\\)[A-Za-z][\w-]{0,14}\\(?!\\)[A-Za-z0-9._$-]*[A-Za-z0-9_$](?![\w$.-]*\\)/g;
const emailPattern = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const portPattern = /\b(?:port|ports|tcp|udp|dport|sport)[\s/:=]+(\d{1,5})\b|(?<=\d\.\d{1,3}):(\d{1,5})\b/gi;
const datePattern = /\b(\d{4})-(\d{2})-(\d{2})(?=[T ]|\b)/g;
const timePattern = /(?<![\d:])(\d{2}):(\d{2})(?::(\d{2}))?(?![\d])/g;

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function uniqueIgnoringCase(values: string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) if (!seen.has(value.toLowerCase())) seen.set(value.toLowerCase(), value);
  return [...seen.values()];
}

function isIpv6(candidate: string): boolean {
  const groups = candidate.split(':').filter(Boolean);
  if (/^\d{1,2}:\d{2}(?::\d{2})?$/.test(candidate)) return false;
  return candidate.includes('::') || groups.length >= 5 || groups.some((group) => /[a-f]/i.test(group));
}

/** Finds the dates (YYYY-MM-DD) written in a text. */
export function extractDates(text: string): string[] {
  return unique([...text.matchAll(datePattern)].map((match) => match[0]));
}

/** Finds the addresses, hosts, accounts, ports, dates and times written in a text. */
export function extractFacts(text: string): Facts {
  const addresses = [
    ...(text.match(ipv4Pattern) ?? []),
    ...(text.match(ipv6Pattern) ?? []).filter(isIpv6).map((address) => address.toLowerCase()),
  ];
  const ports: number[] = [];
  for (const match of text.matchAll(portPattern)) {
    const value = Number(match[1] ?? match[2]);
    if (value <= 65535) ports.push(value);
  }
  const times = [...text.matchAll(timePattern)]
    .filter((match) => Number(match[1]) < 24 && Number(match[2]) < 60)
    .map((match) => match[0]);
  return {
    addresses: unique(addresses),
    hosts: uniqueIgnoringCase(text.match(hostPattern) ?? []),
    accounts: unique([...(text.match(accountPattern) ?? []), ...(text.match(emailPattern) ?? [])]),
    ports: unique(ports),
    dates: extractDates(text),
    times: unique(times),
  };
}
