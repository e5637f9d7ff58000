import { describe, expect, it } from 'vitest';
import { findJargon } from '../../../src/eval/text/find-jargon.js';

function check(text: string, context = text) {
  return findJargon(text, context).map((use) => `${use.match}:${use.explained ? 'explained' : 'unexplained'}`);
}

describe('findJargon', () => {
  it('flags an unexplained acronym', () => {
    expect(check('The host used RDP.')).toEqual(['RDP:unexplained']);
  });

  it('accepts an appositive', () => {
    expect(check('The host used RDP, a way to control a screen from afar.')).toEqual(['RDP:explained']);
  });

  it('accepts a definition elsewhere in the context', () => {
    expect(check('The host used RDP.', 'The host used RDP. RDP is a way to control a screen from afar.')).toEqual(['RDP:explained']);
  });

  it('accepts the term in brackets after plain words', () => {
    expect(check('It used remote screen control (RDP).')).toEqual(['RDP:explained']);
  });

  it('accepts a noun between term and definition', () => {
    expect(check('It stole Kerberos tickets, the passes Windows uses for logins.')).toEqual(['Kerberos:explained']);
  });

  it('matches short acronyms only in capitals', () => {
    expect(check('Please do not tor the paper.')).toEqual([]);
  });

  it('flags a technique ID', () => {
    expect(check('This is T1053.002.')).toEqual(['T1053.002:unexplained']);
  });

  it('returns nothing for plain words', () => {
    expect(check('Someone tried many passwords.')).toEqual([]);
  });
});
