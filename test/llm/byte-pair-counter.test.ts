import { Tiktoken, type TiktokenBPE } from 'js-tiktoken/lite';
import { describe, expect, it } from 'vitest';
import { BytePairCounter } from '../../src/llm/byte-pair-counter.js';
import { randomTexts } from '../support/random-texts.js';
import { realAttackIndex } from '../support/real-attack.js';

/** Texts that exercise every branch of the split patterns and of the byte-pair merge. */
const hardTexts = [
  '',
  'a',
  'According to MITRE ATT&CK, T1053.002 is described as follows.',
  "It's what they'LL do, we'VE seen it, she'd say",
  'line one\nline two\r\n\r\n  indented\n/path/after/newline',
  'a.\n/b and c:\n//d, then e \n\tf\n\n\ng\u00a0\nh\u2028i',
  '   leading and trailing spaces   ',
  '1234567890 12 123 1.5e10 0x7f3a',
  'café naïve Straße Ǆemal e\u0301',
  '日本語のテキストと한국어 그리고 中文',
  'emoji 🙂👩‍💻 and a lone surrogate \ud83d here',
  'special tokens stay text: <|endoftext|> <|endofprompt|> <|fim_prefix|>',
  '{"source":{"address":"203.0.113.7","port":4444},"details":"⟦A⟧ ⟦B·C⟧"}',
  'C:\\Windows\\System32\\cmd.exe /c "whoami && net user /domain"',
  'A'.repeat(300),
  'x9'.repeat(150),
  ' '.repeat(200),
  '\n'.repeat(20),
  'TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAAA4fug4AtAnNIbgBTM0h',
];

/** Pieces that the split patterns treat differently. */
const pieces = ['a', 'Z', 'word', ' ', '\n', '\r\n', '\t', '7', '4096', 'é', '日本', '🙂', '\u0301', "'s", '<|endoftext|>', '/', '\\', '{"k":', '⟦A⟧', 'ǅ', 'ـ', '٣', '.\n/'];

async function loadRanks(name: 'o200k_base' | 'cl100k_base'): Promise<TiktokenBPE> {
  return name === 'o200k_base' ? (await import('js-tiktoken/ranks/o200k_base')).default : (await import('js-tiktoken/ranks/cl100k_base')).default;
}

describe('BytePairCounter', () => {
  for (const name of ['o200k_base', 'cl100k_base'] as const) {
    it(`matches js-tiktoken for ${name}`, async () => {
      const ranks = await loadRanks(name);
      const reference = new Tiktoken(ranks);
      const counter = new BytePairCounter(ranks);
      const techniqueTexts = realAttackIndex().primary.techniques.map((technique) => technique.description);
      const texts = [...hardTexts, ...randomTexts({ pieces, count: 2000, seed: 7, maxPieces: 30 }), ...techniqueTexts];

      const differing = texts.filter((text) => counter.count(text) !== reference.encode(text, [], []).length);

      expect(differing).toEqual([]);
    });
  }

  it('counts a repeated text the same each time', async () => {
    const counter = new BytePairCounter(await loadRanks('o200k_base'));
    const text = 'Adversaries may abuse the at utility to perform task scheduling.';

    const first = counter.count(text);

    expect(counter.count(text)).toBe(first);
  });
});
