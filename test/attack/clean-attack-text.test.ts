import { describe, expect, it } from 'vitest';
import { cleanAttackText, normalizeForQuoteMatch, splitSentences } from '../../src/attack/clean-attack-text.js';

describe('cleanAttackText', () => {
  it('drops citation markers', () => {
    expect(cleanAttackText('Adversaries may do X.(Citation: Source A) More (Citation: Source B)text.')).toBe('Adversaries may do X. More text.');
  });

  it('keeps only the label of markdown links', () => {
    expect(cleanAttackText('Uses [at](https://attack.mitre.org/software/S0110) and [Scheduled Task](https://attack.mitre.org/techniques/T1053/005).')).toBe(
      'Uses at and Scheduled Task.',
    );
  });

  it('removes inline code tags', () => {
    expect(cleanAttackText('Edit <code>at.allow</code> files.')).toBe('Edit at.allow files.');
  });

  it('joins punctuation left behind by a citation', () => {
    expect(cleanAttackText('Used by X (Citation: A), Y (Citation: B) and Z (Citation: C).')).toBe('Used by X, Y and Z.');
  });

  it('keeps the space before a file extension or .NET', () => {
    expect(cleanAttackText('Adversaries have used a .NET wrapper on files (.txt, .doc) of .ost type.')).toBe(
      'Adversaries have used a .NET wrapper on files (.txt, .doc) of .ost type.',
    );
  });

  it('keeps paragraph breaks', () => {
    expect(cleanAttackText('First.\n\n\n\nSecond.')).toBe('First.\n\nSecond.');
  });

  it('returns an empty string for missing text', () => {
    expect(cleanAttackText(undefined)).toBe('');
  });
});

describe('splitSentences', () => {
  it('splits on sentence ends', () => {
    expect(splitSentences('One thing. Another thing! A third?')).toEqual(['One thing.', 'Another thing!', 'A third?']);
  });

  it('keeps abbreviations inside the sentence', () => {
    expect(splitSentences('Tools (e.g. PsExec) are used. Next one.')).toEqual(['Tools (e.g. PsExec) are used.', 'Next one.']);
  });

  it('keeps file names inside the sentence', () => {
    expect(splitSentences('The at.exe utility runs jobs. It is old.')).toEqual(['The at.exe utility runs jobs.', 'It is old.']);
  });

  it('splits paragraphs', () => {
    expect(splitSentences('First paragraph\n\nSecond paragraph.')).toEqual(['First paragraph', 'Second paragraph.']);
  });
});

describe('normalizeForQuoteMatch', () => {
  it('folds white space and curly quotes', () => {
    expect(normalizeForQuoteMatch('  a \u201cquoted\u201d\n word\u2019s ')).toBe('a "quoted" word\'s');
  });
});
