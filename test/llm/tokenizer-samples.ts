import type { TiktokenBPE } from 'js-tiktoken/lite';

/** Texts that exercise every branch of the split patterns and of the byte-pair merge. */
export const hardTexts = [
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
export const pieces = ['a', 'Z', 'word', ' ', '\n', '\r\n', '\t', '7', '4096', 'é', '日本', '🙂', '\u0301', "'s", '<|endoftext|>', '/', '\\', '{"k":', '⟦A⟧', 'ǅ', 'ـ', '٣', '.\n/'];

/** Imports js-tiktoken's rank module of an encoding. */
export async function loadRanks(name: 'o200k_base' | 'cl100k_base'): Promise<TiktokenBPE> {
  return name === 'o200k_base' ? (await import('js-tiktoken/ranks/o200k_base')).default : (await import('js-tiktoken/ranks/cl100k_base')).default;
}
