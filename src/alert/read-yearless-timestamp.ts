import type { NormalizedTimestamp } from './normalize-timestamp.js';
import { utcEpoch } from './utc-epoch.js';

/** Three-letter English month names, lower case, January first. */
export const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Allowance for clocks and time zones before a date counts as being in the future. */
const futureToleranceMs = 24 * 60 * 60 * 1000;

// "Mar 14 06:21:03" and "Mar  4 06:21:03.118" (RFC 3164 syslog).
const syslogPattern = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
// "03/14-06:21:03.118804" (Snort alert_fast) and "03/14/26-06:21:03.118804" (Snort -y).
const snortPattern = /^(\d{2})\/(\d{2})(?:\/(\d{2}))?-(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;

interface DateParts {
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction: string;
}

function epochOf(year: number, parts: DateParts): number | undefined {
  const milliseconds = Math.floor(Number(`0.${parts.fraction || '0'}`) * 1000);
  return utcEpoch({ year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second, milliseconds });
}

/**
 * Returns the latest year, not after the reference year, that puts the date no more than a
 * day after the reference time. A December log read in January therefore gets last year.
 */
export function inferYear(parts: DateParts, referenceTime: Date): { year: number; epoch: number } | undefined {
  const limit = referenceTime.getTime() + futureToleranceMs;
  const referenceYear = referenceTime.getUTCFullYear();
  for (let year = referenceYear + 1; year >= referenceYear - 8; year -= 1) {
    const epoch = epochOf(year, parts);
    if (epoch !== undefined && epoch <= limit) return { year, epoch };
  }
  return undefined;
}

function partsOf(match: RegExpExecArray, month: number, day: number, offset: number): DateParts {
  return {
    month,
    day,
    hour: Number(match[offset]),
    minute: Number(match[offset + 1]),
    second: Number(match[offset + 2]),
    fraction: match[offset + 3] ?? '',
  };
}

function finish(text: string, parts: DateParts, referenceTime: Date, formatUtc: (epochMs: number) => string): NormalizedTimestamp {
  const inferred = inferYear(parts, referenceTime);
  if (!inferred) return { original: text };
  return {
    utc: formatUtc(inferred.epoch),
    original: text,
    note: `timestamp "${text}" has no year or time zone; read as ${inferred.year}, the latest year that does not put it in the future, and as UTC`,
  };
}

/**
 * Reads the year-less timestamps of RFC 3164 syslog and Snort alert_fast, inferring the year
 * from the reference time. Returns undefined when the text is in neither form.
 */
export function readYearlessTimestamp(
  text: string,
  referenceTime: Date,
  formatUtc: (epochMs: number) => string,
): NormalizedTimestamp | undefined {
  const syslog = syslogPattern.exec(text);
  if (syslog) {
    const month = monthNames.indexOf(syslog[1]!.toLowerCase()) + 1;
    if (month === 0) return undefined;
    return finish(text, partsOf(syslog, month, Number(syslog[2]), 3), referenceTime, formatUtc);
  }
  const snort = snortPattern.exec(text);
  if (!snort) return undefined;
  const parts = partsOf(snort, Number(snort[1]), Number(snort[2]), 4);
  if (snort[3] === undefined) return finish(text, parts, referenceTime, formatUtc);
  const epoch = epochOf(2000 + Number(snort[3]), parts);
  if (epoch === undefined) return { original: text };
  return { utc: formatUtc(epoch), original: text, note: `timestamp "${text}" has no time zone; read as UTC` };
}
