/** Plain names for the alert fields that attackers most often write into. */
const fieldNames: [RegExp, string][] = [
  [/user[_-]?agent|\bua$/, 'User-Agent'],
  [/referr?er/, 'Referer header'],
  [/command[_-]?line|cmdline|commandline|\bcmd$/, 'command line'],
  [/script[_-]?block|scriptblocktext/, 'script text'],
  [/(?:^|[._])(?:url|uri|request|path|query[_-]?string)$/, 'requested URL'],
  [/dns|rrname|query(?:name)?$|qname/, 'DNS query'],
  [/subject/, 'e-mail subject'],
  [/sender|from$|display[_-]?name/, 'e-mail sender'],
  [/file[_-]?name|filename|target[_-]?filename|file[_-]?path|image$|\bpath$/, 'file name'],
  [/event[_-]?data|eventdata|message$|\bmsg$/, 'event text'],
  [/registry|details$|value[_-]?data/, 'registry or detail value'],
  [/user(?:name)?$|account/, 'user name'],
  [/host(?:name)?$|computer|sni|server[_-]?name/, 'host name'],
  [/process|service|task/, 'process or task name'],
  [/certificate|issuer|\bcn$/, 'certificate name'],
  [/description|signature|title/, 'description'],
];

/** Returns a plain name for an alert field path ("http.http_user_agent" gives "User-Agent"). */
export function describeField(path: string): string {
  const lower = path.toLowerCase();
  for (const [pattern, name] of fieldNames) if (pattern.test(lower)) return name;
  return `"${path}" field`;
}
