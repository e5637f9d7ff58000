/** The header fields of one syslog line and the message that follows them. */
export interface SyslogLine {
  /** RFC 5424 for lines with a version number, otherwise RFC 3164 (BSD syslog). */
  rfc: '3164' | '5424';
  priority?: number;
  facility?: number;
  /** Syslog severity, 0 (emergency) to 7 (debug): the relay's, not the alert's. */
  severity?: number;
  timestamp?: string;
  /** Host that sent the line: the sensor or a relay, never the attacked system. */
  hostname?: string;
  appName?: string;
  procId?: string;
  msgId?: string;
  structuredData?: string;
  message: string;
}

const rfc5424Pattern = /^<(\d{1,3})>1 (\S+) (\S+) (\S+) (\S+) (\S+) /;
// A BSD timestamp ("Mar 14 06:21:03", optionally with a year) or an ISO 8601 one, then the host.
const rfc3164Pattern =
  /^(?:<(\d{1,3})>)?([A-Z][a-z]{2} [ \d]\d (?:\d{4} )?\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})) ([\w.:-]+) (.*)$/;
const tagPattern = /^([\w./@-]{1,48})(?:\[(\d+)\])?: ?(.*)$/;

function nil(value: string | undefined): string | undefined {
  return value === undefined || value === '-' ? undefined : value;
}

function withPriority(line: SyslogLine, priority: string | undefined): SyslogLine {
  if (priority === undefined) return line;
  const value = Number(priority);
  if (value > 191) return line;
  return { ...line, priority: value, facility: Math.floor(value / 8), severity: value % 8 };
}

/** Reads the structured data of an RFC 5424 line: "-" or "[id k=\"v\"]..." elements. */
function splitStructuredData(rest: string): { structuredData?: string; message: string } {
  if (rest.startsWith('-')) return { message: rest.slice(1).replace(/^ /, '') };
  let position = 0;
  while (rest[position] === '[') {
    position += 1;
    while (position < rest.length && rest[position] !== ']') position += rest[position] === '\\' ? 2 : 1;
    position += 1;
  }
  if (position === 0) return { message: rest };
  return { structuredData: rest.slice(0, position), message: rest.slice(position).replace(/^ /, '') };
}

function parseRfc5424(text: string): SyslogLine | undefined {
  const match = rfc5424Pattern.exec(text);
  if (!match) return undefined;
  const { structuredData, message } = splitStructuredData(text.slice(match[0].length));
  const line: SyslogLine = { rfc: '5424', message: message.replace(/^\uFEFF/, '') };
  const optional = { timestamp: nil(match[2]), hostname: nil(match[3]), appName: nil(match[4]), procId: nil(match[5]), msgId: nil(match[6]), structuredData };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (line as unknown as Record<string, string>)[key] = value;
  return withPriority(line, match[1]);
}

function parseRfc3164(text: string): SyslogLine | undefined {
  const match = rfc3164Pattern.exec(text);
  if (!match) return undefined;
  const line: SyslogLine = { rfc: '3164', timestamp: match[2]!, hostname: match[3]!, message: match[4]! };
  const tag = tagPattern.exec(match[4]!);
  if (tag) {
    line.appName = tag[1]!;
    if (tag[2]) line.procId = tag[2];
    line.message = tag[3]!;
  }
  return withPriority(line, match[1]);
}

/**
 * Splits one syslog line into its header and message. Reads RFC 5424 lines, RFC 3164 lines
 * with or without the `<PRI>` part, and the ISO-timestamp variant that rsyslog writes to
 * files. Returns undefined when the line does not start with a syslog header.
 */
export function parseSyslogHeader(line: string): SyslogLine | undefined {
  const trimmed = line.trim();
  return parseRfc5424(trimmed) ?? parseRfc3164(trimmed);
}
