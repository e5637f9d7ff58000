import { describe, expect, it } from 'vitest';
import { selectSplit, splitOfRule } from '../../../src/mapping/eval/select-split.js';
import type { LabelledRule } from '../../../src/mapping/examples/labelled-rule.js';

function rule(id: string): LabelledRule {
  return { id, title: `rule ${id}`, description: '', logsource: {}, techniques: ['T1059'], tactics: [], related: [] };
}

describe('splitOfRule', () => {
  it('puts an id with an even first SHA-1 byte in dev', () => {
    // sha1("a") starts with 0x86 (134).
    expect(splitOfRule('a')).toBe('dev');
  });

  it('puts an id with an odd first SHA-1 byte in test', () => {
    // sha1("b") starts with 0xe9 (233).
    expect(splitOfRule('b')).toBe('test');
  });
});

describe('selectSplit', () => {
  const rules = ['a', 'b', 'c', 'd', 'rule-1', 'rule-2', 'rule-3'].map(rule);

  it('keeps the dev rules', () => {
    expect(selectSplit(rules, 'dev').map((kept) => kept.id)).toEqual(['a', 'c', 'd', 'rule-3']);
  });

  it('keeps the test rules', () => {
    expect(selectSplit(rules, 'test').map((kept) => kept.id)).toEqual(['b', 'rule-1', 'rule-2']);
  });

  it('keeps every rule without a split', () => {
    expect(selectSplit(rules, undefined)).toHaveLength(rules.length);
  });
});
