import { describe, expect, it } from 'vitest';
import { findTechniqueIds, normalizeTechniqueId, parentTechniqueId, techniqueUrl } from '../../src/attack/technique-id.js';

describe('normalizeTechniqueId', () => {
  it.each([
    ['T1053.002', 'T1053.002'],
    ['t1053.002', 'T1053.002'],
    ['T1053/002', 'T1053.002'],
    ['t1053_002', 'T1053.002'],
    ['T1053-002', 'T1053.002'],
    ['attack.t1053.002', 'T1053.002'],
    ['ATTACK.T1053.002', 'T1053.002'],
    ['mitre-attack:T1053.002', 'T1053.002'],
    ['T1053.2', 'T1053.002'],
    ['https://attack.mitre.org/techniques/T1053/002/', 'T1053.002'],
    ['https://attack.mitre.org/techniques/T1053/002', 'T1053.002'],
    ['https://attack.mitre.org/techniques/T1190/', 'T1190'],
    [' T1190 ', 'T1190'],
    ['T0800', 'T0800'],
  ])('reads %s as %s', (input, expected) => {
    expect(normalizeTechniqueId(input)).toBe(expected);
  });

  it.each(['', 'T105', 'T10532', 'TA0002', 'M1028', 'attack.persistence', 'T1053.0002', 'hello'])('rejects %s', (input) => {
    expect(normalizeTechniqueId(input)).toBeUndefined();
  });
});

describe('findTechniqueIds', () => {
  it('finds each spelling once', () => {
    const text = 'tags: attack.t1053.005, T1053/005, t1053_005 and https://attack.mitre.org/techniques/T1053/005/';
    expect(findTechniqueIds(text)).toEqual(['T1053.005']);
  });

  it('keeps distinct techniques apart', () => {
    expect(findTechniqueIds('T1071 then T1071.001 and T1190')).toEqual(['T1071', 'T1071.001', 'T1190']);
  });

  it('ignores IDs inside longer words and numbers', () => {
    expect(findTechniqueIds('XT1053 T10531 ta0002 file1053.txt')).toEqual([]);
  });
});

describe('technique ID helpers', () => {
  it('cuts a sub-technique to its parent', () => {
    expect(parentTechniqueId('T1053.002')).toBe('T1053');
  });

  it('keeps a parent as it is', () => {
    expect(parentTechniqueId('T1190')).toBe('T1190');
  });

  it('builds the canonical page address', () => {
    expect(techniqueUrl('T1053.002')).toBe('https://attack.mitre.org/techniques/T1053/002/');
  });
});
