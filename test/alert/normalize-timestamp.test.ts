import { describe, expect, it } from 'vitest';
import { normalizeTimestamp } from '../../src/alert/normalize-timestamp.js';

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
