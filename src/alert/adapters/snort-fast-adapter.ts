import { InputError } from '../../errors/input-error.js';
import type { AlertDraft } from '../alert-schema.js';
import type { AlertInput } from '../alert-input.js';
import { applyTimestamp } from '../apply-timestamp.js';
import { displayProtocol } from '../display-protocol.js';
import { makeEndpoint } from '../make-endpoint.js';
import { readSnortEndpoint } from '../read-snort-endpoint.js';
import { severityFromPriority } from '../severity-level.js';
import type { AlertAdapter } from './alert-adapter.js';

// "03/14-06:21:03.118804  [**] [1:2000419:3] message [**] ..." (alert_fast, Snort 2 and 3) and
// "[1:2000419:3] message [Classification: ...] [Priority: 1]: {TCP} a -> b" (alert_syslog).
// The patterns match only the start of a line. The message end and the bracketed fields are
// found with indexOf, because a lazy message pattern followed by optional white space
// backtracks for minutes on a line padded with tens of thousands of spaces.
const fastStartPattern = /^(?:(\d{2}\/\d{2}(?:\/\d{2})?-\d{2}:\d{2}:\d{2}(?:\.\d+)?)\s+)?\[\*\*\]\s+\[(\d+):(\d+):(\d+)\]\s/;
const syslogStartPattern = /^\[(\d+):(\d+):(\d+)\]\s/;
const flowPattern = /^\{([\w-]+)\}\s+(\S+)\s+->\s+(\S+)$/;
const tailFields = [
  { key: 'classification', label: 'Classification' },
  { key: 'priority', label: 'Priority' },
  { key: 'appId', label: 'AppID' },
] as const;

/** One Snort alert line split into its parts. */
interface SnortLine {
  timestamp?: string;
  gid: number;
  sid: number;
  rev: number;
  message: string;
  classification?: string;
  priority?: number;
  appId?: string;
  protocol?: string;
  source?: string;
  destination?: string;
  line: string;
}

type SnortTail = Pick<SnortLine, 'classification' | 'priority' | 'appId' | 'protocol' | 'source' | 'destination'>;

function firstLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

function looksLikeSnort(line: string): boolean {
  return /\[\*\*\]\s+\[\d+:\d+:\d+\]/.test(line) || /^\[\d+:\d+:\d+\].*\{[\w-]+\}\s+\S+\s+->\s+\S+\s*$/.test(line);
}

/**
 * Reads what follows the message: optional "[Classification: ...]", "[Priority: n]" and
 * "[AppID: ...]" fields in that order, an optional colon, and an optional "{PROTO} a -> b".
 * Returns undefined when anything else is left over.
 */
function readTail(text: string): SnortTail | undefined {
  const tail: SnortTail = {};
  let rest = text.trim();
  for (const { key, label } of tailFields) {
    const prefix = `[${label}: `;
    if (!rest.startsWith(prefix)) continue;
    const end = rest.indexOf(']', prefix.length);
    if (end === -1) return undefined;
    const value = rest.slice(prefix.length, end);
    if (key === 'priority') {
      if (!/^\d+$/.test(value)) return undefined;
      tail.priority = Number(value);
    } else if (value) {
      tail[key] = value;
    }
    rest = rest.slice(end + 1).trimStart();
  }
  if (rest.startsWith(':')) rest = rest.slice(1).trimStart();
  if (rest === '') return tail;
  const flow = flowPattern.exec(rest);
  if (!flow) return undefined;
  return { ...tail, protocol: flow[1]!, source: flow[2]!, destination: flow[3]! };
}

/** Splits a line into its rule ID, message and tail, or returns undefined when it is neither form. */
function splitLine(line: string): { timestamp?: string; rule: string[]; message: string; tail: string } | undefined {
  const fast = fastStartPattern.exec(line);
  if (fast) {
    const rest = line.slice(fast[0].length);
    const end = rest.indexOf('[**]');
    if (end === -1) return undefined;
    const parts = { rule: fast.slice(2, 5), message: rest.slice(0, end), tail: rest.slice(end + '[**]'.length) };
    return fast[1] ? { ...parts, timestamp: fast[1] } : parts;
  }
  const syslog = syslogStartPattern.exec(line);
  if (!syslog) return undefined;
  const rest = line.slice(syslog[0].length);
  const starts = tailFields.map(({ label }) => rest.indexOf(`[${label}: `)).filter((index) => index !== -1);
  if (starts.length === 0) return undefined;
  const end = Math.min(...starts);
  // alert_syslog always ends with the protocol and the two endpoints.
  if (!rest.includes('{', end)) return undefined;
  return { rule: syslog.slice(1, 4), message: rest.slice(0, end), tail: rest.slice(end) };
}

function readLine(line: string, origin: string): SnortLine {
  const trimmed = line.trim();
  const parts = splitLine(trimmed);
  const tail = parts ? readTail(parts.tail) : undefined;
  // Snort 3 puts the rule message in double quotes.
  const message = parts?.message.trim().replace(/^"(.*)"$/, '$1').trim();
  if (!parts || !tail || !message) {
    throw new InputError(`${origin}: the Snort alert line is malformed: expected "[**] [gid:sid:rev] message [**] [Classification: ...] [Priority: n] {PROTO} source -> destination"`, {
      hint: 'Pass the line as Snort wrote it, or use --input-format key-value if it is not a Snort alert',
    });
  }
  const [gid, sid, rev] = parts.rule.map(Number) as [number, number, number];
  const parsed: SnortLine = { gid, sid, rev, message, line: trimmed, ...tail };
  if (parts.timestamp) parsed.timestamp = parts.timestamp;
  return parsed;
}

function toDraft(parsed: SnortLine, referenceTime: Date): AlertDraft {
  const draft: AlertDraft = {
    format: 'snort-fast',
    description: parsed.message,
    ruleId: `${parsed.gid}:${parsed.sid}:${parsed.rev}`,
    raw: { ...parsed },
    sensor: 'Snort',
    originalLog: 'the Snort alert file',
    notes: [],
  };
  if (parsed.classification) draft.category = parsed.classification;
  if (parsed.priority !== undefined) {
    draft.severity = String(parsed.priority);
    const level = severityFromPriority(parsed.priority);
    if (level) draft.severityLevel = level;
  }
  const protocol = displayProtocol(parsed.appId) ?? parsed.protocol;
  if (protocol) draft.protocol = protocol;
  draft.source = parsed.source ? makeEndpoint(readSnortEndpoint(parsed.source)) : {};
  draft.destination = parsed.destination ? makeEndpoint(readSnortEndpoint(parsed.destination)) : {};
  applyTimestamp(draft, parsed.timestamp, referenceTime);
  return draft;
}

/**
 * Snort alert_fast lines (Snort 2 and 3) and Snort 2 alert_syslog messages. alert_fast has no
 * year unless Snort ran with -y, so the year is inferred from the time of reading: the latest
 * year that does not put the alert in the future.
 */
export const snortFastAdapter: AlertAdapter = {
  name: 'snort-fast',
  label: 'Snort alert_fast line ("[**] [gid:sid:rev] message [**] ...")',

  detect(input: AlertInput): number {
    if (input.json !== undefined) return 0;
    const first = input.text.trimStart().slice(0, 4096).split(/\r?\n/, 1)[0] ?? '';
    return looksLikeSnort(first) ? 0.95 : 0;
  },

  parse(input: AlertInput): AlertDraft {
    const lines = firstLines(input.text);
    if (lines.length > 1) {
      throw new InputError(`${input.origin}: the input has ${lines.length} Snort alert lines; "explain" reads one`, {
        hint: 'Pass one line, or use "ids-explain batch" for many',
      });
    }
    return toDraft(readLine(lines[0] ?? '', input.origin), input.referenceTime);
  },
};
