import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { maxInputBytes } from '../alert/parse-alert.js';
import { InputError } from '../errors/input-error.js';
import type { AlertSource, SourceItem } from './alert-source.js';
import { decodeStream } from './decode-stream.js';
import { detectLayout, type InputLayout } from './detect-layout.js';
import { expandInputs, type InputFile } from './expand-inputs.js';
import { readLines } from './read-lines.js';
import { paceItems } from './pace-items.js';
import { parseAhead } from './parse-ahead.js';
import { startParseThread, type ItemParser } from './start-parse-thread.js';
import { wantsParseThread } from './wants-parse-thread.js';
import type { Logger } from '../logging/logger.js';
import { JsonArraySplitter } from './split-json-array.js';

export interface FileSourceOptions {
  /** Files, folders and "-" for standard input; none means standard input. */
  inputs: string[];
  /** Layout for every input, or "auto" to detect it per input. */
  layout?: InputLayout | 'auto';
  stdin?: NodeJS.ReadableStream;
  /** Largest alert in bytes; longer lines, elements and files become error records. */
  maxAlertBytes?: number;
  /**
   * Parse the alerts of JSON Lines and array inputs in a thread of their own: on, off, or
   * auto (see wantsParseThread). Without it, the consumer parses the texts.
   */
  parseThread?: { mode: 'auto' | 'on' | 'off'; format?: string; logger: Logger };
}

/** A file source, with the parsing thread it may have started. */
export interface FileSource extends AlertSource {
  /** Stops the parsing thread, if any; call it when the job ends, however it ends. */
  close(): Promise<void>;
}

/** The source of `batch` and `enqueue`, which also names the inputs it reads. */
export interface FileSource extends AlertSource {
  /** Name of every input as positions give it: each file as given or found, or "stdin". */
  readonly inputNames: ReadonlySet<string>;
}

const sniffBytes = 1024 * 1024;

/** Reads the start of a stream (up to the first newline after 64 KB, or 1 MB) without losing it. */
async function peek(stream: AsyncIterable<Buffer | string>): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const iterator = stream[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < sniffBytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const buffer = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    chunks.push(buffer);
    length += buffer.length;
    if (length >= 64 * 1024 && buffer.includes(0x0a)) break;
  }
  async function* rest(): AsyncGenerator<Buffer> {
    yield* chunks;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }
  return { head: Buffer.concat(chunks, length), rest: rest() };
}

/**
 * Creates the source for `batch`: files, folders and standard input, streamed so that memory
 * contains one chunk of each input at a time (and, with a parsing thread, at most five slices
 * of alerts parsed ahead), whatever the input size. Each input's layout is
 * detected (see detectLayout) unless one is given. Throws InputError up front for a path
 * that cannot be read; problems inside an input become error items, never exceptions.
 */
export function createFileSource(options: FileSourceOptions): FileSource {
  const files = expandInputs(options.inputs);
  const thread = options.parseThread;
  // Started now, so that the thread loads its code while the job loads ATT&CK.
  const parser: ItemParser | undefined =
    thread && wantsParseThread(thread.mode, files) ? startParseThread({ logger: thread.logger, ...(thread.format ? { format: thread.format } : {}) }) : undefined;
  if (parser) thread?.logger.info('parsing alerts in a thread of their own');
  const maxBytes = options.maxAlertBytes ?? maxInputBytes;
  const hasStdin = files.some((file) => file.path === '-');
  const totalBytes = hasStdin ? undefined : files.reduce((sum, file) => sum + (file.size ?? 0), 0);
  let bytesRead = 0;
  const onBytes = (bytes: number) => {
    bytesRead += bytes;
  };

  // The readers below produce one array of items per chunk read, and only this generator
  // yields item by item, because every async generator level costs a promise per item.
  async function* items(): AsyncGenerator<SourceItem> {
    for (const file of files) {
      const stream = file.path === '-' ? (options.stdin ?? process.stdin) : createReadStream(file.path, { highWaterMark: 256 * 1024 });
      const { head, rest } = await peek(decodeStream(stream as AsyncIterable<Buffer>));
      const layout = !options.layout || options.layout === 'auto' ? detectLayout(head.toString('utf8'), file.name, file.inFolder) : options.layout;
      if (layout === 'whole') {
        yield await wholeItem(file, rest, maxBytes, onBytes);
        continue;
      }
      const batches = layout === 'lines' ? lineItems(file, rest, maxBytes, onBytes) : arrayItems(file, rest, maxBytes, onBytes);
      for await (const batch of parser ? parseAhead(batches, parser) : batches) yield* batch;
    }
  }

  return {
    inputNames: new Set(files.map((file) => file.name)),
    items: () => paceItems(items()),
    progress: () => (totalBytes === undefined ? { bytesRead } : { bytesRead, totalBytes }),
    close: async () => parser?.close(),
  };
}

const nonBlank = /\S/;

/**
 * Reads one alert per line. Blank lines and lines starting with "#" (comments) are not
 * alerts. A header block with a "#fields" line (as in Zeek's TSV logs) is put in front of
 * every data line below it, so that each line can be read on its own.
 */
async function* lineItems(file: InputFile, stream: AsyncIterable<Buffer>, maxBytes: number, onBytes: (bytes: number) => void): AsyncGenerator<SourceItem[]> {
  let header: string[] = [];
  let headerOpen = true;
  for await (const lines of readLines(stream, { maxLineBytes: maxBytes, onBytes })) {
    const items: SourceItem[] = [];
    for (const line of lines) {
      const position = { file: file.name, line: line.line };
      if ('tooLongBytes' in line) {
        items.push({ position, error: tooLargeError(`${file.name}:${line.line}`, line.tooLongBytes, maxBytes) });
        continue;
      }
      // A blank line separates records or ends a file. It contains no alert, so it gets no record.
      if (!nonBlank.test(line.text)) continue;
      if (line.text.startsWith('#')) {
        if (!headerOpen) header = [];
        headerOpen = true;
        header.push(line.text);
        continue;
      }
      headerOpen = false;
      const withHeader = header.some((entry) => entry.startsWith('#fields'));
      items.push({ position, text: withHeader ? `${header.join('\n')}\n${line.text}` : line.text });
    }
    yield items;
  }
}

async function* arrayItems(file: InputFile, stream: AsyncIterable<Buffer>, maxBytes: number, onBytes: (bytes: number) => void): AsyncGenerator<SourceItem[]> {
  const splitter = new JsonArraySplitter(maxBytes);
  const decoder = new StringDecoder('utf8');
  const toItems = (elements: ReturnType<JsonArraySplitter['push']>): SourceItem[] =>
    elements.map((element) => {
      const position = { file: file.name, index: element.index };
      if ('text' in element) return { position, text: element.text };
      return { position, error: new InputError(`${file.name}[${element.index}]: ${element.error}`, { hint: 'Check the JSON array around this element' }) };
    });
  for await (const chunk of stream) {
    onBytes(chunk.length);
    yield toItems(pushNamed(file, () => splitter.push(decoder.write(chunk))));
  }
  yield toItems([...splitter.push(decoder.end()), ...splitter.end()]);
}

async function wholeItem(file: InputFile, stream: AsyncIterable<Buffer>, maxBytes: number, onBytes: (bytes: number) => void): Promise<SourceItem> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    onBytes(chunk.length);
    length += chunk.length;
    if (length <= maxBytes) chunks.push(chunk);
  }
  const position = { file: file.name };
  if (length > maxBytes) return { position, error: tooLargeError(file.name, length, maxBytes) };
  return { position, text: Buffer.concat(chunks, length).toString('utf8') };
}

/** Runs a splitter step, naming the file in an InputError that the step throws. */
function pushNamed<T>(file: InputFile, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${file.name}: ${error.message}`, { ...(error.hint ? { hint: error.hint } : {}), cause: error });
    throw error;
  }
}

function tooLargeError(where: string, bytes: number, maxBytes: number): InputError {
  const megabytes = (value: number) => `${(value / 1024 / 1024).toFixed(1)} MB`;
  return new InputError(`${where}: the alert is ${megabytes(bytes)}, more than the ${megabytes(maxBytes)} limit for one alert`, {
    hint: 'Shorten the alert, or put one alert per line (JSON Lines) or in a JSON array',
  });
}
