import { describe, expect, it } from 'vitest';
import { countSyllables } from '../../../src/eval/text/count-syllables.js';

// Dictionary syllable counts (American English) of words that explanations of alerts use.
const dictionary: [string, number][] = [
  ['a', 1], ['the', 1], ['it', 1], ['you', 1], ['yes', 1], ['year', 1], ['key', 1], ['they', 1],
  ['made', 1], ['time', 1], ['file', 1], ['files', 1], ['rules', 1], ['asked', 1], ['used', 1],
  ['task', 1], ['tasks', 1], ['run', 1], ['runs', 1], ['share', 1], ['shares', 1], ['through', 1],
  ['wanted', 2], ['started', 2], ['looked', 1], ['checked', 1], ['blocked', 1], ['agreed', 2],
  ['table', 2], ['simple', 2], ['server', 2], ['service', 2], ['system', 2], ['program', 2],
  ['password', 2], ['account', 2], ['passwords', 2], ['access', 2], ['attack', 2], ['attacker', 3],
  ['changes', 2], ['places', 2], ['uses', 2], ['boxes', 2], ['wishes', 2], ['pages', 2],
  ['value', 2], ['issue', 2], ['continue', 3], ['language', 2], ['equal', 2], ['actual', 3],
  ['usual', 3], ['media', 3], ['radio', 3], ['period', 3], ['audio', 3], ['video', 3],
  ['social', 2], ['special', 2], ['potential', 3], ['initial', 3], ['trial', 2], ['dial', 2],
  ['action', 2], ['version', 2], ['region', 2], ['million', 2], ['union', 2], ['scenario', 4],
  ['priority', 4], ['prior', 2], ['various', 3], ['serious', 3], ['previous', 3], ['obvious', 3],
  ['precious', 2], ['client', 2], ['science', 2], ['experience', 4], ['quiet', 2], ['patient', 2],
  ['efficient', 3], ['going', 2], ['doing', 2], ['seeing', 2], ['saying', 2], ['being', 2],
  ['safely', 2], ['completely', 3], ['likely', 2], ['lately', 2], ['criticism', 4],
  ['computer', 3], ['network', 2], ['someone', 2], ['something', 2], ['sometimes', 2], ['company', 3], ['customers', 3],
  ['security', 4], ['information', 4], ['organisation', 5], ['administrator', 5],
  ['investigation', 5], ['immediately', 5], ['unexplained', 3], ['explanation', 4],
  ['reputation', 4], ['disruption', 3], ['financial', 3], ['scheduled', 2], ['schedule', 2],
  ['remote', 2], ['remotely', 3], ['planned', 1], ['connection', 3], ['evidence', 3],
  ['react', 2], ['reuse', 2], ['read', 1], ['ready', 2], ['really', 2], ['create', 2],
  ['created', 3], ['people', 2], ['business', 2], ['every', 3], ['area', 3], ['idea', 3],
];

describe('countSyllables', () => {
  it.each(dictionary)('counts %s as %i', (word, syllables) => {
    expect(countSyllables(word)).toBe(syllables);
  });

  it('adds the parts of a hyphenated word', () => {
    expect(countSyllables('follow-up')).toBe(3);
  });

  it('ignores case and punctuation', () => {
    expect(countSyllables('Password,')).toBe(2);
  });

  it('returns zero for a token without letters', () => {
    expect(countSyllables('443')).toBe(0);
  });
});
