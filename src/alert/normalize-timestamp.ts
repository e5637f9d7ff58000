import { monthNames, readYearlessTimestamp } from './read-yearless-timestamp.js';
import { daysInMonth, utcEpoch } from './utc-epoch.js';

export interface NormalizedTimestamp {
  /** UTC ISO 8601, such as `2026-03-14T02:17:09Z`; absent when the value could not be read. */
  utc?: string;
  original: string;
  /** Remark about an assumption made while reading, such as a missing time zone. */
  note?: string;
}

/**
 * Maximum length, in characters, of a text read as a timestamp. An ISO 8601 time with nine
 * fraction digits and an offset has 35. Longer text is kept as written, unread.
 */
export const maxTimestampChars = 64;

/** Latest time that formatUtc writes with a four-digit year: 9999-12-31T23:59:59.999Z. */
const maxEpochMs = 253_402_300_799_999;

const isoLikePattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Formats epoch milliseconds as ISO 8601 UTC, keeping milliseconds only when they are set. */
export function formatUtc(epochMs: number): string {
  const date = new Date(epochMs);
  const base =
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const milliseconds = date.getUTCMilliseconds();
  return milliseconds === 0 ? `${base}Z` : `${base}.${pad(milliseconds, 3)}Z`;
}

/** Returns a zone's offset from UTC in minutes, or undefined when it has none or is out of range. */
function offsetMinutes(zone: string | undefined): number | undefined {
  if (!zone || /^(?:Z|UTC|GMT)$/i.test(zone)) return zone ? 0 : undefined;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  // Real offsets run from -12:00 to +14:00.
  if (hours > 14 || minutes > 59) return Number.NaN;
  const total = hours * 60 + minutes;
  return match[1] === '-' ? -total : total;
}

function fromIsoLike(text: string, original = text): NormalizedTimestamp | undefined {
  const match = isoLikePattern.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
  const local = utcEpoch({
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    milliseconds: Math.floor(Number(`0.${fraction || '0'}`) * 1000),
  });
  const offset = offsetMinutes(zone);
  if (local === undefined || Number.isNaN(offset)) return undefined;
  const utc = formatUtc(local - (offset ?? 0) * 60_000);
  if (offset === undefined) {
    return { utc, original, note: `timestamp "${original}" has no time zone; read as UTC` };
  }
  return { utc, original };
}

function fromEpoch(value: number, original: string): NormalizedTimestamp | undefined {
  // Seconds until the year 5138, milliseconds after that; sensors send either.
  const milliseconds = value > 1e11 ? value : value * 1000;
  if (!Number.isFinite(milliseconds) || milliseconds <= 0 || milliseconds > maxEpochMs) return undefined;
  return { utc: formatUtc(Math.floor(milliseconds)), original };
}

// "14/Mar/2026:06:21:03 +0000", as web server access logs write it.
const accessLogPattern = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}:\d{2}:\d{2}(?:\.\d+)?) ?([+-]\d{4})?$/;

function fromAccessLog(text: string): NormalizedTimestamp | undefined {
  const match = accessLogPattern.exec(text);
  const month = monthNames.indexOf(match?.[2]?.toLowerCase() ?? '') + 1;
  if (!match || month === 0) return undefined;
  return fromIsoLike(`${match[3]}-${String(month).padStart(2, '0')}-${match[1]}T${match[4]}${match[5] ?? ''}`, text);
}

// "Sat, 14 Mar 2026 03:47:01 GMT" (RFC 2822) and "Sat Mar 14 03:47:01 UTC 2026" (date(1)).
const rfc2822Pattern = /^(?:[a-z]{3},? )?(\d{1,2}) ([a-z]{3}) (\d{4})(?: |$)/i;
const dateCommandPattern = /^[a-z]{3} ([a-z]{3}) +(\d{1,2}) \d{2}:\d{2}:\d{2} (?:[a-z]{1,5} )?(\d{4})$/i;

/** Reads the two English date forms with Date.parse, after checking that the day exists. */
function fromRfc2822(text: string): NormalizedTimestamp | undefined {
  const rfc = rfc2822Pattern.exec(text);
  const dateCommand = rfc ? undefined : dateCommandPattern.exec(text);
  const [day, monthName, year] = rfc ? [rfc[1], rfc[2], rfc[3]] : [dateCommand?.[2], dateCommand?.[1], dateCommand?.[3]];
  const month = monthNames.indexOf(monthName?.toLowerCase() ?? '') + 1;
  // Date.parse rolls 31 February into March, so the day is checked first.
  if (month === 0 || Number(day) < 1 || Number(day) > daysInMonth(Number(year), month)) return undefined;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : { utc: formatUtc(parsed), original: text };
}

export interface NormalizeTimestampOptions {
  /** Time of reading, for timestamps without a year (syslog, Snort); defaults to now. */
  referenceTime?: Date;
}

/**
 * Reads a timestamp in the forms sensors use (ISO 8601 with or without a zone, `+0000` and
 * `-0500` offsets, `UTC` suffixes, epoch seconds or milliseconds, RFC 2822, .NET `/Date(ms)/`,
 * access-log dates, and year-less syslog and Snort dates) and returns it in UTC ISO 8601 with
 * the original kept. Values without a zone are read as UTC and values without a year get the
 * latest year that does not put them in the future, each with a note.
 */
export function normalizeTimestamp(value: unknown, options: NormalizeTimestampOptions = {}): NormalizedTimestamp | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return fromEpoch(value, String(value)) ?? { original: String(value) };
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text.length > maxTimestampChars) return { original: text };
  if (/^\d{9,13}(?:\.\d+)?$/.test(text)) return fromEpoch(Number(text), text) ?? { original: text };
  const dotNet = /^\/Date\((\d{9,13})(?:[+-]\d{4})?\)\/$/.exec(text);
  if (dotNet) return fromEpoch(Number(dotNet[1]), text);
  const iso = fromIsoLike(text.replace(/^(\d{4})\/(\d{2})\/(\d{2})/, '$1-$2-$3'), text);
  if (iso) return iso;
  const accessLog = fromAccessLog(text);
  if (accessLog) return accessLog;
  const yearless = readYearlessTimestamp(text, options.referenceTime ?? new Date(), formatUtc);
  if (yearless) return yearless;
  return fromRfc2822(text) ?? { original: text };
}
