import { describe, expect, it } from 'vitest';
import { lexiconWords, stem, tokenize } from '../../src/mapping/tokenize.js';

describe('stem', () => {
  it.each([
    ['creation', 'creat'],
    ['created', 'creat'],
    ['creates', 'creat'],
    ['modification', 'modify'],
    ['modified', 'modify'],
    ['execution', 'execut'],
    ['executed', 'execut'],
    ['processes', 'process'],
    ['services', 'servic'],
    ['service', 'servic'],
    ['persistence', 'persist'],
    ['scheduled', 'schedul'],
  ])('stems %s to %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('keeps words with digits', () => {
    expect(stem('win32s')).toBe('win32s');
  });

  it('keeps words of three letters', () => {
    expect(stem('ads')).toBe('ads');
  });
});

describe('tokenize', () => {
  it('keeps artefact names whole and splits them', () => {
    const terms = tokenize('AT.EXE ran');
    expect(terms).toContain('at.exe');
    expect(terms).toContain('exe');
  });

  it('drops stop words', () => {
    expect(tokenize('Detects the use of a tool')).toEqual(['tool']);
  });

  it('splits camel-case names into words', () => {
    const terms = tokenize('NetScheduledJobAdd');
    expect(terms).toContain('netscheduledjobadd');
    expect(terms).toContain('schedul');
    expect(terms).toContain('job');
  });

  it('drops one-letter tokens', () => {
    expect(tokenize('a b c x')).toEqual([]);
  });

  it('repeats the terms of repeated words', () => {
    expect(tokenize('schtasks.exe schtasks.exe')).toEqual(['schtasks.exe', 'schtask', 'exe', 'schtasks.exe', 'schtask', 'exe']);
  });

  it('returns a fresh array each call', () => {
    tokenize('crontab edited').push('changed');
    tokenize('crontab edited').splice(0);
    expect(tokenize('crontab edited')).toEqual(['crontab', 'edit']);
  });

  it('tokenizes words too long to remember', () => {
    const word = `${'Scheduled'.repeat(8)}Task`;
    tokenize(word);
    expect(tokenize(word)).toEqual([word.toLowerCase(), ...Array<string>(8).fill('schedul'), 'task']);
  });
});

describe('lexiconWords', () => {
  it('splits on punctuation but keeps dollar signs', () => {
    expect(lexiconWords('\\\\host\\IPC$ at.exe')).toEqual(['host', 'ipc$', 'at', 'exe']);
  });
});
