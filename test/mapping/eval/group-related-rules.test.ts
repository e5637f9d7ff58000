import { describe, expect, it } from 'vitest';
import { assignFolds, baseTitle, groupRelatedRules, type GroupableRule } from '../../../src/mapping/eval/group-related-rules.js';

function rule(id: string, title: string, extra: Partial<GroupableRule> = {}): GroupableRule {
  return { id, title, description: `description of ${id}`, related: [], ...extra };
}

describe('baseTitle', () => {
  it('removes a log-source variant', () => {
    expect(baseTitle('Enumeration Using PowerShell - ScriptBlock')).toBe('enumeration using powershell');
  });

  it('removes bracketed parts', () => {
    expect(baseTitle('Suspicious Download (PowerShell Classic)')).toBe('suspicious download');
  });

  it('keeps a distinctive suffix', () => {
    expect(baseTitle('Remote Access Tool - AnyDesk Execution')).toBe('remote access tool anydesk execution');
  });
});

describe('groupRelatedRules', () => {
  it('joins rules linked by related ids', () => {
    const groups = groupRelatedRules([rule('a', 'First rule'), rule('b', 'Other thing', { related: [{ id: 'a' }] })]);
    expect(groups[0]).toBe(groups[1]);
  });

  it('joins the same rule for other log sources', () => {
    const groups = groupRelatedRules([rule('a', 'Account Discovery - Security'), rule('b', 'Account Discovery - Sysmon')]);
    expect(groups[0]).toBe(groups[1]);
  });

  it('joins near-identical titles', () => {
    const groups = groupRelatedRules([rule('a', 'Suspicious Certutil Download Of Payload File'), rule('b', 'Certutil Download Of Payload File')]);
    expect(groups[0]).toBe(groups[1]);
  });

  it('applies only the chosen criteria', () => {
    const description = 'Detects the creation of a scheduled task through the legacy AT interface';
    const rules = [rule('a', 'One title', { description }), rule('b', 'Another name', { description })];
    const groups = groupRelatedRules(rules, ['related', 'baseTitle', 'nearTitle']);
    expect(groups[0]).not.toBe(groups[1]);
  });

  it('joins rules with the same long description', () => {
    const description = 'Detects the creation of a scheduled task through the legacy AT interface';
    const groups = groupRelatedRules([rule('a', 'One title', { description }), rule('b', 'Another name', { description })]);
    expect(groups[0]).toBe(groups[1]);
  });

  it('keeps unrelated rules apart', () => {
    const groups = groupRelatedRules([rule('a', 'Certutil Download'), rule('b', 'LSASS Memory Dump')]);
    expect(groups[0]).not.toBe(groups[1]);
  });

  it('joins transitively', () => {
    const groups = groupRelatedRules([
      rule('a', 'Alpha'),
      rule('b', 'Beta', { related: [{ id: 'a' }] }),
      rule('c', 'Gamma', { related: [{ id: 'b' }] }),
    ]);
    expect(new Set(groups).size).toBe(1);
  });
});

describe('assignFolds', () => {
  it('keeps every group in one fold', () => {
    const groups = [0, 0, 0, 3, 4, 4, 6, 7, 8, 9];
    const folds = assignFolds(groups, 3);
    for (const group of new Set(groups)) {
      const foldsOfGroup = new Set(groups.map((value, position) => (value === group ? folds[position] : undefined)).filter((fold) => fold !== undefined));
      expect(foldsOfGroup.size).toBe(1);
    }
  });

  it('balances fold sizes', () => {
    const folds = assignFolds([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5);
    const sizes = [0, 1, 2, 3, 4].map((fold) => folds.filter((value) => value === fold).length);
    expect(sizes).toEqual([2, 2, 2, 2, 2]);
  });
});
