import { InputError } from '../../errors/input-error.js';
import type { AlertDraft } from '../alert-schema.js';
import { createAlertInput, type AlertInput } from '../alert-input.js';
import { applyTimestamp } from '../apply-timestamp.js';
import { detectAdapter, type DetectedAdapter } from '../detect-adapter.js';
import { invalidJsonError } from '../invalid-json-error.js';
import { parseSyslogHeader, type SyslogLine } from '../parse-syslog-header.js';
import type { AlertAdapter } from './alert-adapter.js';

interface SyslogReading {
  line: SyslogLine;
  inner: AlertInput;
  detected: DetectedAdapter | undefined;
}

function readSyslog(input: AlertInput, innerAdapters: readonly AlertAdapter[], cache: WeakMap<AlertInput, SyslogReading | null>): SyslogReading | undefined {
  const cached = cache.get(input);
  if (cached !== undefined) return cached ?? undefined;
  // Every header starts with "<PRI>", a month name or a year, so other input (such as JSON
  // lines in a batch) is not copied and matched further.
  if (!/^\s*[<A-Z\d]/.test(input.text)) {
    cache.set(input, null);
    return undefined;
  }
  const firstLine = /^\s*(.*)/.exec(input.text)?.[1] ?? '';
  const line = parseSyslogHeader(firstLine);
  let reading: SyslogReading | null = null;
  if (line) {
    const inner = createAlertInput(line.message, input.origin, input.referenceTime);
    reading = { line, inner, detected: detectAdapter(inner, innerAdapters) };
  }
  cache.set(input, reading);
  return reading ?? undefined;
}

function headerRecord(line: SyslogLine): Record<string, unknown> {
  const { message: _message, ...header } = line;
  return header;
}

function unmatchedMessage(input: AlertInput, reading: SyslogReading, innerAdapters: readonly AlertAdapter[]): InputError {
  if (reading.inner.jsonError !== undefined && !reading.inner.partialJson) {
    return invalidJsonError(reading.inner, 'the syslog message is invalid JSON');
  }
  const from = reading.line.hostname ? ` from ${reading.line.hostname}` : '';
  return new InputError(`${input.origin}: the syslog message${from} matches no supported alert format`, {
    hint: `Supported formats inside syslog: ${innerAdapters.map((adapter) => adapter.name).join(', ')}`,
  });
}

/**
 * Adds the syslog header to a draft read from the message. The sending host becomes the sensor
 * host and never an endpoint. The program becomes the sensor, and the header time the alert
 * time, only when the message names none. The header itself goes to `raw.syslog`.
 */
function addSyslogHeader(draft: AlertDraft, line: SyslogLine, referenceTime: Date): AlertDraft {
  const key = 'syslog' in draft.raw ? 'syslog_header' : 'syslog';
  const wrapped: AlertDraft = { ...draft, raw: { ...draft.raw, [key]: headerRecord(line) } };
  if (!wrapped.sensorHost && line.hostname) wrapped.sensorHost = line.hostname;
  if (!wrapped.sensor && line.appName) wrapped.sensor = line.appName;
  if (!wrapped.timestampOriginal && line.timestamp) applyTimestamp(wrapped, line.timestamp, referenceTime);
  return wrapped;
}

/**
 * Creates the adapter for alerts inside a syslog line. It strips the header, detects the
 * message's own format among `innerAdapters` and reads it with that adapter.
 */
export function createSyslogAdapter(innerAdapters: () => readonly AlertAdapter[]): AlertAdapter {
  const cache = new WeakMap<AlertInput, SyslogReading | null>();
  return {
    name: 'syslog',
    label: 'any of these inside one RFC 3164 or RFC 5424 syslog line',

    detect(input: AlertInput): number {
      return readSyslog(input, innerAdapters(), cache)?.detected ? 0.97 : 0;
    },

    parse(input: AlertInput): AlertDraft {
      const reading = readSyslog(input, innerAdapters(), cache);
      if (!reading) {
        throw new InputError(`${input.origin}: no RFC 3164 or RFC 5424 syslog header at the start of the input`, {
          hint: 'Pass a line such as "<37>Mar 14 06:21:03 sensor-1 suricata[2211]: {...}", or use --input-format auto',
        });
      }
      const lineCount = input.text.split(/\r?\n/).filter((text) => text.trim() !== '').length;
      if (lineCount > 1) {
        throw new InputError(`${input.origin}: the input has ${lineCount} syslog lines; "explain" reads one`, {
          hint: 'Pass one line, or use "ids-explain batch" for many',
        });
      }
      if (!reading.detected) throw unmatchedMessage(input, reading, innerAdapters());
      const draft = reading.detected.adapter.parse(reading.inner);
      return addSyslogHeader(draft, reading.line, input.referenceTime);
    },
  };
}
