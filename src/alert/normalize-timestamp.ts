export interface NormalizedTimestamp {
  /** UTC ISO 8601, such as `2026-03-14T02:17:09Z`; absent when the value could not be read. */
  utc?: string;
  original: string;
  /** Remark about an assumption made while reading, such as a missing time zone. */
  note?: string;
}

const isoLikePattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Formats epoch milliseconds as ISO 8601 UTC, keeping milliseconds only when they are set. */
export function formatUtc(epochMs: number): string {
  const date = new Date(epochMs);
  const base =
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const milliseconds = date.getUTCMilliseconds();
  return milliseconds === 0 ? `${base}Z` : `${base}.${pad(milliseconds, 3)}Z`;
}

function offsetMinutes(zone: string | undefined): number | undefined {
  if (!zone || /^(?:Z|UTC|GMT)$/i.test(zone)) return zone ? 0 : undefined;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

function fromIsoLike(text: string): NormalizedTimestamp | undefined {
  const match = isoLikePattern.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
  const milliseconds = Number(`0.${fraction || '0'}`) * 1000;
  const local = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Math.floor(milliseconds));
  if (Number.isNaN(local)) return undefined;
  const offset = offsetMinutes(zone);
  const utc = formatUtc(local - (offset ?? 0) * 60_000);
  if (offset === undefined) {
    return { utc, original: text, note: `timestamp "${text}" has no time zone; read as UTC` };
  }
  return { utc, original: text };
}

function fromEpoch(value: number, original: string): NormalizedTimestamp | undefined {
  // Seconds until the year 5138, milliseconds after that; sensors send either.
  const milliseconds = value > 1e11 ? value : value * 1000;
  if (!Number.isFinite(milliseconds) || milliseconds <= 0) return undefined;
  return { utc: formatUtc(Math.floor(milliseconds)), original };
}

/**
 * Reads a timestamp in the forms sensors use (ISO 8601 with or without a zone, `+0000`
 * offsets, `UTC` suffixes, epoch seconds or milliseconds, RFC 2822) and returns it in UTC
 * ISO 8601 with the original kept. Values without a zone are read as UTC, with a note.
 */
export function normalizeTimestamp(value: unknown): NormalizedTimestamp | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return fromEpoch(value, String(value));
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d{9,13}(?:\.\d+)?$/.test(text)) return fromEpoch(Number(text), text) ?? { original: text };
  const iso = fromIsoLike(text);
  if (iso) return iso;
  if (/[a-z]{3},? \d{1,2} [a-z]{3} \d{4}|[a-z]{3} [a-z]{3} \d{1,2} .*\d{4}/i.test(text)) {
    const parsed = Date.parse(text);
    if (!Number.isNaN(parsed)) return { utc: formatUtc(parsed), original: text };
  }
  return { original: text };
}
