import { describe, expect, it } from 'vitest';
import { normalizeTimestamp } from '../../src/alert/normalize-timestamp.js';
import { parseWithDeadline } from '../support/parse-with-deadline.js';
import { parseSample } from '../support/parse-sample.js';

describe('normalizeTimestamp', () => {
  it.each([
    ['2024-07-01T19:20:15Z', '2024-07-01T19:20:15Z'],
    ['2024-07-01 19:20:15 UTC', '2024-07-01T19:20:15Z'],
    ['2026-03-14T09:12:44.031992+0000', '2026-03-14T09:12:44.031Z'],
    ['2026-03-14T21:00:03.565923-0500', '2026-03-15T02:00:03.565Z'],
    ['2026-03-14T21:00:03+05:30', '2026-03-14T15:30:03Z'],
    ['Sat, 14 Mar 2026 03:47:01 GMT', '2026-03-14T03:47:01Z'],
  ])('reads %s', (input, expected) => {
    expect(normalizeTimestamp(input)?.utc).toBe(expected);
  });

  it('reads epoch seconds with a fraction', () => {
    expect(normalizeTimestamp('1773460021.482913')?.utc).toBe('2026-03-14T03:47:01.482Z');
  });

  it('reads epoch milliseconds as a number', () => {
    expect(normalizeTimestamp(1773460021482)?.utc).toBe('2026-03-14T03:47:01.482Z');
  });

  it('keeps the original text', () => {
    expect(normalizeTimestamp('2024-07-01 19:20:15 UTC')?.original).toBe('2024-07-01 19:20:15 UTC');
  });

  it('notes a missing time zone', () => {
    expect(normalizeTimestamp('2024-07-01 19:20:15')?.note).toMatch(/no time zone; read as UTC/);
  });

  it('keeps unreadable text without a UTC value', () => {
    expect(normalizeTimestamp('yesterday at noon')).toEqual({ original: 'yesterday at noon' });
  });

  it('ignores empty values', () => {
    expect(normalizeTimestamp('')).toBeUndefined();
  });
});

const referenceTime = new Date('2026-01-02T08:00:00Z');

describe('normalizeTimestamp sensor forms', () => {
  it.each([
    ['2026-03-14T21:00:03-0500', '2026-03-15T02:00:03Z'],
    ['2026-03-14T09:12:44.031992+0000', '2026-03-14T09:12:44.031Z'],
    ['2026-03-14 08:15:30.120 +09:00', '2026-03-13T23:15:30.120Z'],
    ['2026/03/14 06:21:03Z', '2026-03-14T06:21:03Z'],
    ['14/Mar/2026:06:21:03 +0100', '2026-03-14T05:21:03Z'],
    ['Sat, 14 Mar 2026 06:21:03 GMT', '2026-03-14T06:21:03Z'],
    ['/Date(1773454629000)/', '2026-03-14T02:17:09Z'],
    ['1773460021.482913', '2026-03-14T03:47:01.482Z'],
    [1773460021482, '2026-03-14T03:47:01.482Z'],
  ])('reads %s', (value, utc) => {
    expect(normalizeTimestamp(value, { referenceTime })?.utc).toBe(utc);
  });

  it('puts a December syslog date read in January in the previous year', () => {
    const timestamp = normalizeTimestamp('Dec 31 23:59:59', { referenceTime });
    expect(timestamp?.utc).toBe('2025-12-31T23:59:59Z');
    expect(timestamp?.note).toBe('timestamp "Dec 31 23:59:59" has no year or time zone; read as 2025, the latest year that does not put it in the future, and as UTC');
  });

  it('keeps a date within a day ahead in the current year', () => {
    expect(normalizeTimestamp('Jan  3 01:00:00', { referenceTime })?.utc).toBe('2026-01-03T01:00:00Z');
  });

  it('finds the last leap year for 29 February', () => {
    expect(normalizeTimestamp('02/29-10:00:00.5', { referenceTime })?.utc).toBe('2024-02-29T10:00:00.500Z');
  });

  it.each([
    '2024-13-45T99:99:99Z',
    '2023-02-29T10:00:00Z',
    '2024-02-30 10:00:00',
    '2024-01-01T10:61:00Z',
    '2024-01-01T00:00:00+99:99',
    'Tue, 31 Feb 2026 10:00:00 +0000',
    'Mar 14 10:61:00',
    '14/Mar/2026:06:21:03 +9999',
  ])('keeps impossible %s unread', (input) => {
    expect(normalizeTimestamp(input, { referenceTime: new Date('2026-06-01T00:00:00Z') })).toEqual({ original: input });
  });

  it('reads 29 February of a leap year', () => {
    expect(normalizeTimestamp('2024-02-29T10:00:00Z')?.utc).toBe('2024-02-29T10:00:00Z');
  });

  it('reads 24:00 as the end of the day', () => {
    expect(normalizeTimestamp('2024-01-01T24:00:00Z')?.utc).toBe('2024-01-02T00:00:00Z');
  });

  it('keeps a year before 100', () => {
    expect(normalizeTimestamp('0050-01-01T00:00:00Z')?.utc).toBe('0050-01-01T00:00:00Z');
  });

  it('keeps an epoch beyond year 9999 unread', () => {
    expect(normalizeTimestamp(1e20)).toEqual({ original: '100000000000000000000' });
  });
});

describe('timestamp fields in an alert', () => {
  const longText = 'Sat Mar 14 '.repeat(100_000);

  it('rejects a long time text without backtracking', () => {
    const result = parseWithDeadline(JSON.stringify({ description: 'Remote task created', time: longText }));
    expect(result.timedOut).toBe(false);
    expect(result.outcome).toBe('alert');
  });

  it('quotes only the start of an unread time in the note', () => {
    const alert = parseSample(JSON.stringify({ event_type: 'alert', src_ip: '192.0.2.1', timestamp: longText, alert: { signature: 'ET test' } }));
    expect(alert.timestampOriginal).toBe(longText.trim());
    expect(alert.notes.join('\n').length).toBeLessThan(200);
  });
});
