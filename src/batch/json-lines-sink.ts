import { closeSync, openSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { InputError } from '../errors/input-error.js';
import { recordLine, type BatchRecord } from './batch-record.js';
import type { ResultSink } from './result-sink.js';

function writeWhole(descriptor: number, line: string): void {
  const buffer = Buffer.from(line);
  let written = 0;
  // A regular file takes the whole line in one call; the loop only covers a short write.
  while (written < buffer.length) written += writeSync(descriptor, buffer, written);
}

/**
 * Opens `--out` as a JSON Lines sink. Every record is written as one complete line in one
 * write call as soon as it is ready, so a killed job leaves whole lines behind (at most the
 * line being written is cut, and resuming removes it). "-" writes to standard output, waiting
 * for the pipe to drain. Throws InputError when the file cannot be opened.
 */
export function createJsonLinesSink(path: string, { append }: { append: boolean }, stdout: NodeJS.WritableStream = process.stdout): ResultSink {
  if (path === '-') {
    return {
      async write(record: BatchRecord) {
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
  return {
    write(record: BatchRecord) {
      writeWhole(descriptor, recordLine(record));
    },
    async close() {
      closeSync(descriptor);
    },
  };
}
