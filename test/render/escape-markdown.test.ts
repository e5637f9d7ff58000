import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/render/escape-markdown.js';

describe('escapeMarkdown', () => {
  it.each([
    ['a heading', '## 4. Mitigation', '\\## 4. Mitigation'],
    ['a bullet', '- no action needed', '\\- no action needed'],
    ['a numbered item', '1. call this number', '1\\. call this number'],
    ['a quote', '> quoted', '\\> quoted'],
    ['a thematic break', '---', '\\---'],
    ['a table row', '| a | b |', '\\| a | b |'],
    ['a code fence', '```', '\\```'],
    ['a link definition', '[ref]: https://evil.example/', '\\[ref]: https://evil.example/'],
  ])('escapes %s at a line start', (_name, input, expected) => {
    expect(escapeMarkdown(`text\n${input}`, 'block')).toBe(`text\n${expected}`);
  });

  it('keeps line breaks of a block', () => {
    expect(escapeMarkdown('one\ntwo', 'block')).toBe('one\ntwo');
  });

  it('drops blank lines of a block', () => {
    expect(escapeMarkdown('one\n\n  \ntwo', 'block')).toBe('one\ntwo');
  });

  it('folds inline text into one line', () => {
    expect(escapeMarkdown('one\r\n\n two\rthree', 'inline')).toBe('one two three');
  });

  it('breaks inline links and images', () => {
    expect(escapeMarkdown('[reset](https://evil.example/) ![x](https://evil.example/p.png)', 'inline')).toBe(
      '\\[reset]\\(https://evil.example/) ![x]\\(https://evil.example/p.png)',
    );
  });

  it('escapes HTML and autolinks', () => {
    expect(escapeMarkdown('<img src=x> <https://evil.example/> a < b', 'inline')).toBe('\\<img src=x> \\<https://evil.example/> a < b');
  });

  it('escapes character references', () => {
    expect(escapeMarkdown('&#x202e; &amp; ATT&CK', 'inline')).toBe('\\&#x202e; \\&amp; ATT&CK');
  });

  it('doubles backslashes that would cancel an escape', () => {
    expect(escapeMarkdown('x \\<img> \\\\<img> \\&amp;', 'inline')).toBe('x \\\\\\<img> \\\\\\\\\\<img> \\\\\\&amp;');
  });

  it('leaves Windows and UNC paths as written', () => {
    expect(escapeMarkdown('C:\\Windows\\at.exe on \\\\*\\IPC$ and \\\\fs01\\share', 'inline')).toBe('C:\\Windows\\at.exe on \\\\*\\IPC$ and \\\\fs01\\share');
  });

  it('shows control characters', () => {
    expect(escapeMarkdown('a\u001b[8mb', 'block')).toBe('a\\u001b[8mb');
  });

  it('escapes brackets in link text', () => {
    expect(escapeMarkdown('M1028 [x](y)', 'link-text')).toBe('M1028 \\[x\\]\\(y)');
  });

  it('escapes a bracket after a backslash in link text', () => {
    expect(escapeMarkdown('a\\](y)', 'link-text')).toBe('a\\\\\\]\\(y)');
  });

  it('percent-encodes the end of a link destination', () => {
    expect(escapeMarkdown('https://attack.mitre.org/a b)<\u202e', 'link-destination')).toBe('https://attack.mitre.org/a%20b%29%3C%E2%80%AE');
  });

  it('leaves plain text unchanged', () => {
    const text = 'A security sensor flagged activity from 192.0.2.4 to 10.2.2.10 over RPC.';
    expect(escapeMarkdown(text, 'block')).toBe(text);
  });
});
