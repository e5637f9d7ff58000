import { describe, expect, it } from 'vitest';
import { parsePartialJson } from '../../src/alert/parse-partial-json.js';

describe('parsePartialJson', () => {
  it('keeps complete members before the cut', () => {
    const text = '{"a": "x", "b": {"c": [1, 2], "d": "y", "e';
    const partial = parsePartialJson(text);
    expect(partial?.value).toEqual({ a: 'x', b: { c: [1, 2], d: 'y' } });
    expect(partial?.truncation).toEqual({ receivedChars: text.length, openPath: 'b' });
  });

  it('drops a string cut in the middle', () => {
    expect(parsePartialJson('{"a": 1, "b": "half')?.value).toEqual({ a: 1 });
  });

  it('drops a number that touches the end', () => {
    expect(parsePartialJson('{"a": "x", "port": 44')?.value).toEqual({ a: 'x' });
  });

  it('keeps a cut array with its complete elements', () => {
    const partial = parsePartialJson('{"tags": ["one", "two", "th');
    expect(partial?.value).toEqual({ tags: ['one', 'two'] });
    expect(partial?.truncation.openPath).toBe('tags');
  });

  it('returns undefined for complete JSON', () => {
    expect(parsePartialJson('{"a": 1}')).toBeUndefined();
  });

  it('returns undefined for a syntax error before the end', () => {
    expect(parsePartialJson('{"a": 1,, "b": "x')).toBeUndefined();
  });

  it('returns undefined for a cut scalar at the top level', () => {
    expect(parsePartialJson('"unterminated')).toBeUndefined();
  });
});
