import { describe, expect, it } from 'vitest';
import { detectTextEncoding } from '../../src/util/detect-text-encoding.js';

const alertText = '{"description":"Zugriff verweigert für Müller","src_ip":"192.0.2.4"}\n';

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

describe('detectTextEncoding', () => {
  it('reads plain ASCII as UTF-8', () => {
    expect(detectTextEncoding(Buffer.from(alertText))).toEqual({ skip: 0 });
  });

  it('skips a UTF-8 byte order mark', () => {
    expect(detectTextEncoding(Buffer.from(`\uFEFF${alertText}`))).toEqual({ skip: 3 });
  });

  it('finds UTF-16LE by its mark', () => {
    expect(detectTextEncoding(Buffer.from(`\uFEFF${alertText}`, 'utf16le'))).toEqual({ skip: 2, encoding: 'utf-16le' });
  });

  it('finds UTF-16LE without a mark', () => {
    expect(detectTextEncoding(Buffer.from(alertText, 'utf16le'))).toEqual({ skip: 0, encoding: 'utf-16le' });
  });

  it('finds UTF-16BE without a mark', () => {
    expect(detectTextEncoding(utf16be(alertText))).toEqual({ skip: 0, encoding: 'utf-16be' });
  });

  it('finds UTF-16LE with some CJK text', () => {
    const text = '{"description":"一 登录失败 一","host":"srv-01"}';
    expect(detectTextEncoding(Buffer.from(text, 'utf16le')).encoding).toBe('utf-16le');
  });

  it('leaves binary with NULs on both sides', () => {
    const bytes = Buffer.from([0x00, 0x00, 0x01, 0x00, 0x00, 0x02, 0x00, 0x00, 0x7f, 0x00, 0x00, 0x00]);
    expect(detectTextEncoding(bytes)).toEqual({ skip: 0 });
  });

  it('leaves input of fewer than four characters', () => {
    expect(detectTextEncoding(Buffer.from('{}', 'utf16le'))).toEqual({ skip: 0 });
  });
});
