import { detectTextEncoding, encodingSampleBytes } from '../util/detect-text-encoding.js';

/**
 * Returns the stream's bytes as UTF-8 without a byte order mark. A UTF-16 stream is decoded
 * and encoded again as UTF-8 chunk by chunk, because the line and array readers split on
 * UTF-8 bytes. It is recognised by its mark (PowerShell 5.1 writes one with ">" and Out-File)
 * or, without one, by its NUL bytes (see detectTextEncoding). Any other stream passes through
 * unchanged, apart from a leading UTF-8 mark.
 */
export async function* decodeStream(stream: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  const iterator = stream[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  let ended = false;
  while (head.length < encodingSampleBytes && !ended) {
    const next = await iterator.next();
    if (next.done) ended = true;
    else head = Buffer.concat([head, typeof next.value === 'string' ? Buffer.from(next.value) : next.value]);
  }
  const { skip, encoding } = detectTextEncoding(head);
  const first = head.subarray(skip);
  const rest = async function* (): AsyncGenerator<Buffer> {
    if (first.length > 0) yield first;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  };
  if (!encoding) {
    yield* rest();
    return;
  }
  const decoder = new TextDecoder(encoding);
  for await (const chunk of rest()) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield Buffer.from(text, 'utf8');
  }
  const tail = decoder.decode();
  if (tail.length > 0) yield Buffer.from(tail, 'utf8');
}
