import { describe, expect, it } from 'vitest';
import { jsonNestsDeeperThan } from '../../src/alert/json-nests-deeper-than.js';

describe('jsonNestsDeeperThan', () => {
  it.each([
    ['a scalar', '"x"', 0, false],
    ['an object at its limit', '{"a": 1}', 1, false],
    ['nested containers over the limit', '{"a": [{"b": []}]}', 3, true],
    ['nested containers at the limit', '{"a": [{"b": []}]}', 4, false],
    ['brackets inside strings', '{"a": "[[{{", "b": "\\"[["}', 1, false],
    ['many flat containers', `[${'[],'.repeat(500)}[]]`, 2, false],
    ['a cut text', '{"a": [[', 2, true],
  ])('judges %s', (_name, text, maxDepth, expected) => {
    expect(jsonNestsDeeperThan(text, maxDepth)).toBe(expected);
  });
});
