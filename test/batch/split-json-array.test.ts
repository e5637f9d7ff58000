import { describe, expect, it } from 'vitest';
import { JsonArraySplitter, type ArrayElement } from '../../src/batch/split-json-array.js';

function split(chunks: string[], maxElementChars = 10_000): ArrayElement[] {
  const splitter = new JsonArraySplitter(maxElementChars);
  const elements = chunks.flatMap((chunk) => splitter.push(chunk));
  return [...elements, ...splitter.end()];
}

function texts(elements: ArrayElement[]): string[] {
  return elements.map((element) => ('text' in element ? element.text.trim() : `error: ${element.error}`));
}

describe('JsonArraySplitter', () => {
  it('splits top-level elements', () => {
    expect(texts(split(['[{"a":1}, {"b":[1,2,{"c":3}]}, "x", 4]']))).toEqual(['{"a":1}', '{"b":[1,2,{"c":3}]}', '"x"', '4']);
  });

  it('numbers elements from zero', () => {
    expect(split(['[1,2]']).map((element) => element.index)).toEqual([0, 1]);
  });

  it('ignores brackets and commas inside strings', () => {
    const text = '[{"d":"a, [b] {c} \\"quoted]\\" \\\\"}, {"e":"]"}]';
    expect(texts(split([text]))).toEqual(['{"d":"a, [b] {c} \\"quoted]\\" \\\\"}', '{"e":"]"}']);
  });

  it('splits the same across any chunking', () => {
    const text = '[ {"description": "one, two [three]"}, {"x": {"y": "\\"}"}} ]';
    const whole = texts(split([text]));
    const byCharacter = texts(split([...text]));
    expect(byCharacter).toEqual(whole);
  });

  it('returns nothing for an empty array', () => {
    expect(split(['  [ \n ]  '])).toEqual([]);
  });

  it('tolerates a trailing comma', () => {
    expect(texts(split(['[{"a":1},]']))).toEqual(['{"a":1}']);
  });

  it('reports an array cut short', () => {
    expect(texts(split(['[{"a":1}, {"b":"unfinished']))).toEqual(['{"a":1}', 'error: the JSON array ends inside this element (the input is cut short)']);
  });

  it('reports text after the array', () => {
    expect(texts(split(['[{"a":1}] trailing']))).toEqual(['{"a":1}', 'error: unexpected text after the end of the JSON array']);
  });

  it('reports an element over the size limit', () => {
    const elements = split([`[{"a":"${'x'.repeat(100)}"}, {"b":2}]`], 50);
    expect(texts(elements)).toEqual(['error: the array element is longer than 50 characters', '{"b":2}']);
  });

  it('passes an empty element on for its error record', () => {
    expect(texts(split(['[{"a":1},,{"b":2}]']))).toEqual(['{"a":1}', '', '{"b":2}']);
  });

  it('rejects input that is not an array', () => {
    expect(() => split(['{"a":1}'])).toThrow('expected a JSON array');
  });
});
