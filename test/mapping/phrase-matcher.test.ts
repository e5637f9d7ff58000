import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from '../../src/mapping/phrase-matcher.js';

function matcher(...phrases: string[]): PhraseMatcher<string> {
  const result = new PhraseMatcher<string>();
  for (const phrase of phrases) result.add(phrase, phrase);
  return result;
}

describe('PhraseMatcher', () => {
  it('matches a phrase case-insensitively', () => {
    expect(matcher('at.exe').match('ran AT.EXE \\\\host').map((hit) => hit.value)).toEqual(['at.exe']);
  });

  it('requires whole words', () => {
    expect(matcher('at.exe').match('format.exe c:')).toEqual([]);
  });

  it('matches multi-word phrases only in order', () => {
    const phrases = matcher('delete shadows');
    expect(phrases.match('vssadmin delete shadows /all')).toHaveLength(1);
    expect(phrases.match('shadows delete')).toHaveLength(0);
  });

  it('reports each phrase once', () => {
    expect(matcher('wmic').match('wmic then wmic again')).toHaveLength(1);
  });

  it('keeps the dollar sign of share names', () => {
    const phrases = matcher('ipc$');
    expect(phrases.match('\\\\*\\IPC$')).toHaveLength(1);
    expect(phrases.match('ipc traffic')).toHaveLength(0);
  });

  it('ignores a phrase without words', () => {
    const phrases = matcher('...');
    expect(phrases.match('... text')).toEqual([]);
  });
});
