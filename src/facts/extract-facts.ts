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

/**
 * Short sequences without which a pattern finds nothing. Testing for them first skips most
 * patterns on most texts, and never changes what is found.
 */
const mayContain = {
  ipv4: /\d\.\d/,
  // The end of every host match: a top-level domain after its dot.
  host: new RegExp(`\\.(?:${topLevelDomains.join('|')})(?![\\w-]|\\.[a-z0-9])`, 'i'),
  // The two branches of the port pattern: a keyword containing port, tcp or udp, or "1.2:".
  port: /port|tcp|udp|\d\.\d{1,3}:/i,
  date: /\d{4}-\d\d-\d\d/,
  time: /\d\d:\d\d/,
};

const ipv6Shape = /^(?:[0-9a-f]{1,4}:){1,7}(?::|[0-9a-f]{1,4})(?::[0-9a-f]{1,4}){0,6}$/i;

function isHexOrColonCode(code: number): boolean {
  return (code >= 48 && code <= 58) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

/** Tells whether a character code is one of \w: an ASCII letter, digit or underscore. */
function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/**
 * Returns the IPv6 candidates in a text, in order: what the global, case-insensitive pattern
 * (?<![\w:])(?:[0-9a-f]{1,4}:){1,7}(?::|[0-9a-f]{1,4})(?::[0-9a-f]{1,4}){0,6}(?![\w:])
 * matches, found without running it over the whole text. A match contains only hex digits
 * and colons, and neither a word character nor a colon may come before or after it. So every
 * match is a whole run of hex digits and colons, with a non-word character or the text's
 * edge on either side, and has the shape of ipv6Shape.
 */
export function ipv6Matches(text: string): string[] {
  const matches: string[] = [];
  for (let colon = text.indexOf(':'); colon !== -1; ) {
    let start = colon;
    while (start > 0 && isHexOrColonCode(text.charCodeAt(start - 1))) start -= 1;
    let end = colon + 1;
    while (end < text.length && isHexOrColonCode(text.charCodeAt(end))) end += 1;
    const standalone = !isWordCode(text.charCodeAt(start - 1)) && !isWordCode(text.charCodeAt(end));
    if (standalone && ipv6Shape.test(text.slice(start, end))) matches.push(text.slice(start, end));
    colon = text.indexOf(':', end);
  }
  return matches;
}

/** Finds the dates (YYYY-MM-DD) written in a text. */
export function extractDates(text: string): string[] {
  if (!mayContain.date.test(text)) return [];
  return unique([...text.matchAll(datePattern)].map((match) => match[0]));
}

function findPorts(text: string): number[] {
  const ports: number[] = [];
  if (!mayContain.port.test(text)) return ports;
  for (const match of text.matchAll(portPattern)) {
    const value = Number(match[1] ?? match[2]);
    if (value <= 65535) ports.push(value);
  }
  return unique(ports);
}

function findTimes(text: string): string[] {
  if (!mayContain.time.test(text)) return [];
  const times = [...text.matchAll(timePattern)]
    .filter((match) => Number(match[1]) < 24 && Number(match[2]) < 60)
    .map((match) => match[0]);
  return unique(times);
}

/** Finds the addresses, hosts, accounts, ports, dates and times written in a text. */
export function extractFacts(text: string): Facts {
  const addresses = [
    ...((mayContain.ipv4.test(text) && text.match(ipv4Pattern)) || []),
    ...ipv6Matches(text).filter(isIpv6).map((address) => address.toLowerCase()),
  ];
  const accounts = [
    ...((text.includes('\\') && text.match(accountPattern)) || []),
    ...((text.includes('@') && text.match(emailPattern)) || []),
  ];
  return {
    addresses: unique(addresses),
    hosts: uniqueIgnoringCase((mayContain.host.test(text) && text.match(hostPattern)) || []),
    accounts: unique(accounts),
    ports: findPorts(text),
    dates: extractDates(text),
    times: findTimes(text),
  };
}
