import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/cli/decode-input.js';

const alertText = 'Description: Remote task created for José\nSource IP: 192.0.2.4\n';

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

describe('decodeInput', () => {
  it('reads UTF-8 without a note', () => {
    expect(decodeInput(Buffer.from(alertText, 'utf8'))).toEqual({ text: alertText });
  });

  it('decodes UTF-16 little-endian with a byte order mark', () => {
    expect(decodeInput(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(alertText, 'utf16le')]))).toEqual({ text: alertText });
  });

  it('decodes UTF-16 big-endian with a byte order mark', () => {
    expect(decodeInput(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(alertText)]))).toEqual({ text: alertText });
  });

  it('decodes UTF-16LE without a mark', () => {
    expect(decodeInput(Buffer.from(alertText, 'utf16le'))).toEqual({ text: alertText });
  });

  it('decodes UTF-16BE without a mark', () => {
    expect(decodeInput(utf16be(alertText))).toEqual({ text: alertText });
  });

  it('replaces invalid UTF-8 bytes', () => {
    expect(decodeInput(Buffer.from([0x61, 0x62, 0xff, 0x63])).text).toBe('ab\uFFFDc');
  });

  it('notes the first invalid UTF-8 byte', () => {
    const latin1 = Buffer.from('Description: échec\n', 'latin1');
    expect(decodeInput(latin1).note).toBe('the input is not valid UTF-8: byte 0xE9 at offset 13 and any other invalid bytes are shown as \uFFFD');
  });

  it('keeps a replacement character that the input wrote', () => {
    expect(decodeInput(Buffer.from('a\uFFFDb', 'utf8'))).toEqual({ text: 'a\uFFFDb' });
  });
});
