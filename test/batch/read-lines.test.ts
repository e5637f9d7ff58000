import { describe, expect, it } from 'vitest';
import { readLines, type StreamLine } from '../../src/batch/read-lines.js';

async function collect(chunks: (string | Buffer)[], maxLineBytes = 1024): Promise<StreamLine[]> {
  async function* stream() {
    yield* chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
  }
  const lines: StreamLine[] = [];
  for await (const batch of readLines(stream(), { maxLineBytes })) lines.push(...batch);
  return lines;
}

describe('readLines', () => {
  it('numbers lines from one', async () => {
    expect(await collect(['a\nb\nc\n'])).toEqual([
      { line: 1, text: 'a', bytes: 1 },
      { line: 2, text: 'b', bytes: 1 },
      { line: 3, text: 'c', bytes: 1 },
    ]);
  });

  it('keeps a last line without newline', async () => {
    expect(await collect(['a\nb'])).toEqual([
      { line: 1, text: 'a', bytes: 1 },
      { line: 2, text: 'b', bytes: 1 },
    ]);
  });

  it('keeps empty lines between others', async () => {
    expect(await collect(['a\n\nb\n'])).toEqual([
      { line: 1, text: 'a', bytes: 1 },
      { line: 2, text: '', bytes: 0 },
      { line: 3, text: 'b', bytes: 1 },
    ]);
  });

  it('drops carriage returns before newlines', async () => {
    expect(await collect(['a\r\nb\r\n'])).toEqual([
      { line: 1, text: 'a', bytes: 2 },
      { line: 2, text: 'b', bytes: 2 },
    ]);
  });

  it('joins lines split across chunks', async () => {
    const text = '{"description":"caf\u00e9 \u2603 alert"}\nsecond line\n';
    const bytes = Buffer.from(text);
    const chunks = [...bytes].map((byte) => Buffer.from([byte]));
    expect(await collect(chunks)).toEqual([
      { line: 1, text: '{"description":"caf\u00e9 \u2603 alert"}', bytes: 33 },
      { line: 2, text: 'second line', bytes: 11 },
    ]);
  });

  it('reports a too long line by its size', async () => {
    const long = 'x'.repeat(5000);
    const lines = await collect([`short\n${long.slice(0, 2000)}`, `${long.slice(2000)}\nafter\n`], 1000);
    expect(lines).toEqual([
      { line: 1, text: 'short', bytes: 5 },
      { line: 2, tooLongBytes: 5000 },
      { line: 3, text: 'after', bytes: 5 },
    ]);
  });

  it('reads nothing from an empty stream', async () => {
    expect(await collect([])).toEqual([]);
  });
});
