/**
 * One line of a text stream with its length in bytes before decoding (carriage return
 * included, newline not), or the size of a line that was too long to keep.
 */
export type StreamLine = { line: number; text: string; bytes: number } | { line: number; tooLongBytes: number };

export interface ReadLinesOptions {
  /** Lines longer than this many bytes are skipped and reported, never buffered whole. */
  maxLineBytes: number;
  /** Called with the byte count of every chunk read, for progress. */
  onBytes?: (bytes: number) => void;
}

const newline = 0x0a;

function decodeLine(parts: Buffer[], length: number): string {
  const buffer = parts.length === 1 ? parts[0]! : Buffer.concat(parts, length);
  const end = length > 0 && buffer[length - 1] === 0x0d ? length - 1 : length;
  return buffer.toString('utf8', 0, end);
}

/**
 * Splits a byte stream into lines numbered from 1, returned in one array per chunk read, so
 * memory holds one chunk and at most one line that spans chunks. A final line without a
 * newline is still returned, but a trailing newline adds no empty line. Carriage returns
 * before the newline are dropped.
 */
export async function* readLines(stream: AsyncIterable<Buffer | string>, options: ReadLinesOptions): AsyncGenerator<StreamLine[]> {
  let parts: Buffer[] = [];
  let length = 0;
  let skipped = 0;
  let line = 0;
  const take = (): StreamLine => {
    line += 1;
    const result: StreamLine = skipped > 0 ? { line, tooLongBytes: skipped + length } : { line, text: decodeLine(parts, length), bytes: length };
    parts = [];
    length = 0;
    skipped = 0;
    return result;
  };
  const keep = (piece: Buffer) => {
    if (skipped > 0 || length + piece.length > options.maxLineBytes) {
      skipped += length + piece.length;
      parts = [];
      length = 0;
      return;
    }
    parts.push(piece);
    length += piece.length;
  };

  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    options.onBytes?.(buffer.length);
    const lines: StreamLine[] = [];
    let start = 0;
    for (let end = buffer.indexOf(newline, start); end !== -1; end = buffer.indexOf(newline, start)) {
      keep(buffer.subarray(start, end));
      lines.push(take());
      start = end + 1;
    }
    if (start < buffer.length) keep(buffer.subarray(start));
    if (lines.length > 0) yield lines;
  }
  if (length > 0 || skipped > 0) yield [take()];
}
