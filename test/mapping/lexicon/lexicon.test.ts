import { describe, expect, it } from 'vitest';
import { lexicon } from '../../../src/mapping/lexicon/lexicon.js';
import { entry } from '../../../src/mapping/lexicon/lexicon-entry.js';
import { LexiconMatcher } from '../../../src/mapping/lexicon/match-lexicon.js';
import { realAttackIndex } from '../../support/real-attack.js';

const cases = lexicon.map((lexiconEntry) => [lexiconEntry.patterns[0]!, lexiconEntry] as const);

describe('lexicon entries', () => {
  it.each(cases)('%s matches its own example', (_name, lexiconEntry) => {
    const hits = new LexiconMatcher([lexiconEntry]).match(lexiconEntry.example);
    expect(hits).toHaveLength(1);
  });

  it.each(cases)('%s has weights in (0, 1]', (_name, lexiconEntry) => {
    for (const { weight } of lexiconEntry.techniques) {
      expect(weight).toBeGreaterThan(0);
      expect(weight).toBeLessThanOrEqual(1);
    }
  });

  it.each(cases)('%s names active ATT&CK techniques', (_name, lexiconEntry) => {
    const index = realAttackIndex();
    for (const { id } of lexiconEntry.techniques) {
      const technique = index.technique(id);
      expect(technique, id).toBeDefined();
      expect(technique?.revoked, id).toBe(false);
      expect(technique?.deprecated, id).toBe(false);
    }
  });

  it.each(cases)('%s has a reason', (_name, lexiconEntry) => {
    expect(lexiconEntry.reason.length).toBeGreaterThan(10);
  });
});

describe('entry', () => {
  it('parses patterns and weighted techniques', () => {
    expect(entry('binary', 'a.exe | b.exe', 'T1059:0.5 T1105', 'runs things', 'a.exe')).toEqual({
      kind: 'binary',
      patterns: ['a.exe', 'b.exe'],
      techniques: [
        { id: 'T1059', weight: 0.5 },
        { id: 'T1105', weight: 1 },
      ],
      reason: 'runs things',
      example: 'a.exe',
    });
  });
});

describe('LexiconMatcher', () => {
  it('groups the matched patterns of one entry', () => {
    const matcher = new LexiconMatcher(lexicon);
    const hit = matcher.match('AT.EXE registered job At2 on the host').find((candidate) => candidate.entry.patterns.includes('at.exe'));
    expect(hit?.matched).toEqual(['at.exe', 'at2']);
  });

  it('does not match an IP address octet as an event ID', () => {
    const matcher = new LexiconMatcher(lexicon);
    const ids = matcher.match('connection from 192.0.2.104 to 198.51.100.106').flatMap((hit) => hit.entry.techniques.map((technique) => technique.id));
    expect(ids).not.toContain('T1070.001');
  });
});
