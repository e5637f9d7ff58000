import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeStream } from '../../src/batch/decode-stream.js';

function utf16be(text: string): Buffer {
  const little = Buffer.from(text, 'utf16le');
  return little.swap16();
}

async function decoded(chunks: Buffer[]): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of decodeStream(Readable.from(chunks))) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

/** Splits bytes into pieces of `size`, so that marks and characters straddle chunk edges. */
function pieces(bytes: Buffer, size: number): Buffer[] {
  const result: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size) result.push(bytes.subarray(start, start + size));
  return result;
}

const text = '{"description":"Zugriff verweigert für Müller 日本"}\n{"description":"b"}\n';

describe('decodeStream', () => {
  it('passes UTF-8 through unchanged', async () => {
    expect(await decoded([Buffer.from(text)])).toBe(text);
  });

  it('drops a UTF-8 byte order mark', async () => {
    expect(await decoded([Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])])).toBe(text);
  });

  it('decodes UTF-16 little-endian split into odd pieces', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await decoded(pieces(bytes, 1))).toBe(text);
  });

  it('decodes UTF-16 big-endian', async () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]);
    expect(await decoded(pieces(bytes, 7))).toBe(text);
  });

  it('decodes UTF-16LE without a mark', async () => {
    expect(await decoded(pieces(Buffer.from(text, 'utf16le'), 5))).toBe(text);
  });

  it('decodes UTF-16BE without a mark', async () => {
    expect(await decoded(pieces(utf16be(text), 3))).toBe(text);
  });

  it('keeps a stream shorter than a mark', async () => {
    expect(await decoded([Buffer.from('{')])).toBe('{');
  });

  it('yields nothing for an empty stream', async () => {
    expect(await decoded([])).toBe('');
  });
});
