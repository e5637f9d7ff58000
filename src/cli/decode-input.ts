import { detectTextEncoding } from '../util/detect-text-encoding.js';

/** Alert text decoded from bytes, with a reading note when the bytes were not clean UTF-8. */
export interface DecodedInput {
  text: string;
  note?: string;
}

function byteLabel(byte: number | undefined): string {
  return `0x${(byte ?? 0).toString(16).padStart(2, '0').toUpperCase()}`;
}

/**
 * Decodes input bytes. UTF-16 with a byte order mark, as PowerShell 5.1 writes with ">" and
 * Out-File, or without one (see detectTextEncoding), is decoded as UTF-16. Everything else is
 * read as UTF-8. Invalid UTF-8 bytes, such
 * as Latin-1 text or raw bytes that a syslog relay passed on, become U+FFFD, and the note gives
 * the offset of the first one. Such input is not rejected, because then one stray byte in an
 * attacker's request would keep its alert from being explained.
 */
export function decodeInput(bytes: Buffer): DecodedInput {
  const { skip, encoding } = detectTextEncoding(bytes);
  if (encoding) return { text: new TextDecoder(encoding).decode(bytes.subarray(skip)) };
  const text = bytes.toString('utf8');
  const reencoded = Buffer.from(text, 'utf8');
  if (reencoded.equals(bytes)) return { text };
  // The valid prefix encodes back to the same bytes, so the first difference is the first invalid byte.
  let offset = 0;
  while (offset < bytes.length && bytes[offset] === reencoded[offset]) offset += 1;
  return {
    text,
    note: `the input is not valid UTF-8: byte ${byteLabel(bytes[offset])} at offset ${offset} and any other invalid bytes are shown as \uFFFD`,
  };
}
