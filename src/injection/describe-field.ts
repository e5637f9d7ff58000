/** Plain names for the alert fields that attackers most often write into. */
const fieldNames: [RegExp, string][] = [
  [/(?:^|[._])(?:tls|x509|certificate|cert)[._]|issuer/, 'certificate name'],
  [/user[_-]?agent|(?:^|[._])ua$/, 'User-Agent'],
  [/refer/, 'Referer header'],
  [/command[_-]?line|cmdline|(?:^|[._])cmd$/, 'command line'],
  [/task[_-]?description/, 'task description'],
  [/script[_-]?block|(?:^|[._])script(?:[_-]?text)?$/, 'script text'],
  [/(?:^|[._])(?:body|post[_-]?data|payload)$/, 'request body'],
  [/(?:^|[._])(?:url|uri|request|path|query[_-]?string)$/, 'requested URL'],
  [/dns|rrname|qname|(?:^|[._])query$/, 'DNS query'],
  [/subject/, 'e-mail subject'],
  [/sender|(?:^|[._])from|display[_-]?name/, 'e-mail sender'],
  [/file[._-]?name|target[_-]?filename|file[._-]?path|(?:^|[._])image$/, 'file name'],
  [/registry|value[_-]?data|target[_-]?object/, 'registry value'],
  [/service[_-]?name|process[._-]?name|task[_-]?name|(?:^|[._])(?:process|service|task)$/, 'process or service name'],
  [/event[_-]?data|(?:^|[._])(?:message|msg)$/, 'event text'],
  [/(?:^|[._])details?$/, 'details'],
  [/user(?:name)?$|account/, 'user name'],
  [/host(?:name)?$|computer|sni|server[_-]?name/, 'host name'],
  [/description|signature|title/, 'description'],
];

/** Returns a plain name for an alert field path ("http.http_user_agent" gives "User-Agent"). */
export function describeField(path: string): string {
  const lower = path.toLowerCase();
  for (const [pattern, name] of fieldNames) if (pattern.test(lower)) return name;
  return `"${path}" field`;
}
