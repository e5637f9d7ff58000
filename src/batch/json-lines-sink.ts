import { closeSync, openSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { InputError } from '../errors/input-error.js';
import { recordLine, type SinkRecord } from './batch-record.js';
import type { ResultSink } from './result-sink.js';

function writeWhole(descriptor: number, text: string): void {
  // Writing the string directly leaves no buffer behind for the garbage collector.
  const written = writeSync(descriptor, text);
  const bytes = Buffer.byteLength(text);
  if (written === bytes) return;
  // A regular file takes the whole text in one call; this only covers a short write.
  const buffer = Buffer.from(text);
  for (let offset = written; offset < bytes; ) offset += writeSync(descriptor, buffer, offset);
}

/** Bytes of complete lines collected before they are written in one call. */
const flushBytes = 64 * 1024;

/**
 * Opens `--out` as a JSON Lines sink. Records are collected as complete lines and written
 * when 64 KB have gathered or the event loop turns, so every write call carries whole lines
 * only: a killed job leaves whole lines behind, except at most one cut line at the end, which
 * `--resume` removes. "-" writes to standard output, waiting for the pipe to drain. Throws
 * InputError when the file cannot be opened.
 */
export function createJsonLinesSink(path: string, { append }: { append: boolean }, stdout: NodeJS.WritableStream = process.stdout): ResultSink {
  if (path === '-') {
    return {
      async write(record: SinkRecord) {
        if (!stdout.write(recordLine(record))) await once(stdout, 'drain');
      },
      async close() {},
    };
  }
  let descriptor: number;
  try {
    descriptor = openSync(path, append ? 'a' : 'w');
  } catch (error) {
    throw new InputError(`cannot write ${path}: ${(error as Error).message}`, { hint: 'Check the --out path', cause: error });
  }
  let pending = '';
  let scheduled: NodeJS.Immediate | undefined;
  const flush = () => {
    scheduled = undefined;
    if (pending === '') return;
    const text = pending;
    pending = '';
    writeWhole(descriptor, text);
  };
  return {
    write(record: SinkRecord) {
      pending += recordLine(record);
      if (pending.length >= flushBytes) flush();
      else scheduled ??= setImmediate(flush);
    },
    async close() {
      if (scheduled) clearImmediate(scheduled);
      flush();
      closeSync(descriptor);
    },
  };
}
