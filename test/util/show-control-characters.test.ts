import { describe, expect, it } from 'vitest';
import { showControlCharacters } from '../../src/util/show-control-characters.js';

describe('showControlCharacters', () => {
  it.each([
    ['escape', '\u001b[2J', '\\u001b[2J'],
    ['bell', 'a\u0007b', 'a\\u0007b'],
    ['carriage return', 'a\rb', 'a\\u000db'],
    ['NUL', 'a\u0000b', 'a\\u0000b'],
    ['C1 control sequence introducer', '\u009b2J', '\\u009b2J'],
    ['right-to-left override', 'exe.\u202egpj', 'exe.\\u202egpj'],
    ['left-to-right isolate', '\u2066admin\u2069', '\\u2066admin\\u2069'],
    ['line separator', 'a\u2028b', 'a\\u2028b'],
  ])('shows %s as an escape', (_name, input, expected) => {
    expect(showControlCharacters(input)).toBe(expected);
  });

  it('keeps tabs', () => {
    expect(showControlCharacters('a\tb')).toBe('a\tb');
  });

  it('escapes line feeds by default', () => {
    expect(showControlCharacters('a\nb')).toBe('a\\u000ab');
  });

  it('keeps line feeds when asked', () => {
    expect(showControlCharacters('a\r\nb\nc', { keepLineBreaks: true })).toBe('a\nb\nc');
  });

  it('leaves other scripts as written', () => {
    expect(showControlCharacters('Échec de connexion für пользователь 管理员')).toBe('Échec de connexion für пользователь 管理员');
  });
});
