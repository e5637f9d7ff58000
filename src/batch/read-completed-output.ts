import { closeSync, createReadStream, createWriteStream, existsSync, fstatSync, ftruncateSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { InputError } from '../errors/input-error.js';
import type { Logger } from '../logging/logger.js';
import { toResult, type BatchResult, type ExplainedRecord, type FailedRecord } from './batch-record.js';
import { CompletedPositions } from './completed-positions.js';
import { readLines } from './read-lines.js';

export interface ReadCompletedOutputOptions {
  path: string;
  logger: Logger;
  /** Called with every complete record found, to count it in the summary, report and layer. */
  onRecord?: (record: BatchResult) => void;
  /**
   * Input names (as positions name them) of the job being resumed. A record from any other
   * input means the file contains another job's output, and reading stops with an error before
   * the file is changed.
   */
  inputNames?: ReadonlySet<string>;
}

const maxRecordBytes = 64 * 1024 * 1024;

function isRecord(value: unknown): value is ExplainedRecord | FailedRecord {
  const record = value as { status?: unknown; position?: { file?: unknown } } | null;
  return (record?.status === 'explained' || record?.status === 'failed') && typeof record.position?.file === 'string';
}

function parseRecord(text: string): ExplainedRecord | FailedRecord | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Returns the file size and whether its last byte is a newline. */
function inspectEnd(path: string): { size: number; endsWithNewline: boolean } {
  const descriptor = openSync(path, 'r');
  try {
    const { size } = fstatSync(descriptor);
    const last = Buffer.alloc(1);
    if (size > 0) readSync(descriptor, last, 0, 1, size - 1);
    return { size, endsWithNewline: size === 0 || last[0] === 0x0a };
  } finally {
    closeSync(descriptor);
  }
}

/** Counts the records of inputs that the resumed job does not read. */
class ForeignInputs {
  first: string | undefined;
  count = 0;

  constructor(private readonly inputNames: ReadonlySet<string> | undefined) {}

  /** Returns true when the record comes from an input of another job. */
  check(record: ExplainedRecord | FailedRecord): boolean {
    if (!this.inputNames || this.inputNames.has(record.position.file)) return false;
    this.first ??= record.position.file;
    this.count += 1;
    return true;
  }

  /** Throws InputError when any record came from another job's input. */
  reject(path: string): void {
    if (this.first === undefined) return;
    const records = this.count === 1 ? '1 record' : `${this.count} records`;
    throw new InputError(`${path} contains the output of another job: ${records} from ${this.first}, which is not an input of this run, so --resume would mix the two`, {
      hint: `Pass --out a new file for this job, or drop --resume and pass --force to start ${path} over`,
    });
  }
}

/**
 * Reads the output of an earlier, interrupted run for `--resume` and returns the positions it
 * completed. A last line without its newline (a write cut short by a kill) is never counted
 * and is cut off the file, so that alert is explained again. A complete line that is not a
 * record, or repeats a position, is dropped by rewriting the file without it. Throws
 * InputError, leaving the file unchanged, when it contains no record at all or records of an
 * input outside `inputNames`.
 */
export async function readCompletedOutput({ path, logger, onRecord, inputNames }: ReadCompletedOutputOptions): Promise<CompletedPositions> {
  const completed = new CompletedPositions();
  if (!existsSync(path)) return completed;
  const { size, endsWithNewline } = inspectEnd(path);
  const dropped = new Set<number>();
  let offset = 0;
  let partialStart: number | undefined;
  const foreign = new ForeignInputs(inputNames);

  for await (const lines of readLines(createReadStream(path), { maxLineBytes: maxRecordBytes })) {
    for (const line of lines) {
      // Raw byte counts, because decoding drops carriage returns and replaces invalid bytes.
      const bytes = 'text' in line ? line.bytes : line.tooLongBytes;
      const start = offset;
      offset += bytes + 1;
      if (!endsWithNewline && start + bytes >= size) {
        partialStart = start;
        break;
      }
      const record = 'text' in line ? parseRecord(line.text) : undefined;
      if (record && foreign.check(record)) continue;
      if (record && completed.add(record.position)) onRecord?.(toResult(record));
      else dropped.add(line.line);
    }
  }

  foreign.reject(path);

  if (completed.size === 0 && dropped.size > 0) {
    throw new InputError(`${path} contains no batch records, so --resume would delete its ${dropped.size} lines`, {
      hint: 'Pass --out a new file or the output of an earlier batch run',
    });
  }
  if (partialStart !== undefined) {
    logger.warn('%s ends with an incomplete line from an interrupted run; removing it so that its alert is explained again', path);
    truncate(path, partialStart);
  }
  if (dropped.size > 0) {
    logger.warn('%s has %d complete lines that are not batch records or repeat a position; rewriting it without them', path, dropped.size);
    await rewriteWithout(path, dropped);
  }
  return completed;
}

function truncate(path: string, length: number): void {
  const descriptor = openSync(path, 'r+');
  try {
    ftruncateSync(descriptor, length);
  } finally {
    closeSync(descriptor);
  }
}

async function rewriteWithout(path: string, droppedLines: Set<number>): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  const output = createWriteStream(temporary);
  try {
    for await (const lines of readLines(createReadStream(path), { maxLineBytes: maxRecordBytes })) {
      const kept = lines.filter((line) => !droppedLines.has(line.line) && 'text' in line);
      const text = kept.map((line) => ('text' in line ? `${line.text}\n` : '')).join('');
      if (!output.write(text)) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
    }
    output.end();
    await finished(output);
    renameSync(temporary, path);
  } catch (error) {
    output.destroy();
    rmSync(temporary, { force: true });
    throw error;
  }
}
