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
const fastPattern = /^(?:(\d{2}\/\d{2}(?:\/\d{2})?-\d{2}:\d{2}:\d{2}(?:\.\d+)?)\s+)?\[\*\*\]\s+\[(\d+):(\d+):(\d+)\]\s+(.*?)\s*\[\*\*\](.*)$/;
const syslogPattern = /^\[(\d+):(\d+):(\d+)\]\s+(.*?)\s*((?:\[(?:Classification|Priority|AppID): [^\]]*\]\s*)+:?\s*\{.*)$/;
const tailPattern = /^\s*(?:\[Classification: ([^\]]*)\]\s*)?(?:\[Priority: (\d+)\]\s*)?(?:\[AppID: ([^\]]*)\]\s*)?:?\s*(?:\{([\w-]+)\}\s+(\S+)\s+->\s+(\S+))?\s*$/;

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

function firstLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

function looksLikeSnort(line: string): boolean {
  return /\[\*\*\]\s+\[\d+:\d+:\d+\]/.test(line) || /^\[\d+:\d+:\d+\].*\{[\w-]+\}\s+\S+\s+->\s+\S+\s*$/.test(line);
}

function readLine(line: string, origin: string): SnortLine {
  const trimmed = line.trim();
  const fast = fastPattern.exec(trimmed);
  const syslog = fast ? undefined : syslogPattern.exec(trimmed);
  const head = fast ? fast.slice(2, 6) : syslog?.slice(1, 5);
  const tail = tailPattern.exec((fast ? fast[6] : syslog?.[5]) ?? '');
  if (!head || !tail) {
    throw new InputError(`${origin}: the Snort alert line is malformed: expected "[**] [gid:sid:rev] message [**] [Classification: ...] [Priority: n] {PROTO} source -> destination"`, {
      hint: 'Pass the line as Snort wrote it, or use --input-format key-value if it is not a Snort alert',
    });
  }
  // Snort 3 puts the rule message in double quotes.
  const message = head[3]!.replace(/^"(.*)"$/, '$1').trim();
  const parsed: SnortLine = { gid: Number(head[0]), sid: Number(head[1]), rev: Number(head[2]), message, line: trimmed };
  const optional = { timestamp: fast?.[1], classification: tail[1], appId: tail[3], protocol: tail[4], source: tail[5], destination: tail[6] };
  for (const [key, value] of Object.entries(optional)) if (value) (parsed as unknown as Record<string, string>)[key] = value;
  if (tail[2] !== undefined) parsed.priority = Number(tail[2]);
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
