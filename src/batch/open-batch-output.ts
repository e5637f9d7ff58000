import { statSync } from 'node:fs';
import { InputError } from '../errors/input-error.js';
import type { Logger } from '../logging/logger.js';
import type { BatchResult } from './batch-record.js';
import { CompletedPositions } from './completed-positions.js';
import { createJsonLinesSink } from './json-lines-sink.js';
import { readCompletedOutput } from './read-completed-output.js';
import type { ResultSink } from './result-sink.js';

export interface OpenBatchOutputOptions {
  /** Value of `--out`; "-" is standard output. */
  path: string;
  resume: boolean;
  /** Allows replacing an existing, non-empty output file without `--resume`. */
  force: boolean;
  logger: Logger;
  /** Input names of this job, as positions name them; resuming another job's output is rejected. */
  inputNames?: ReadonlySet<string>;
  /** Receives every record an earlier run completed, when resuming. */
  onCompletedRecord?: (record: BatchResult) => void;
  stdout?: NodeJS.WritableStream;
}

function fileSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

/**
 * Opens the output of a batch job. With `resume`, reads what an earlier run completed (and
 * repairs a cut last line) and appends; otherwise starts a new file. Throws InputError when
 * an existing output would be overwritten without `--force`, when resuming standard output,
 * or when the output contains records of inputs that are not in `inputNames` (another job's).
 */
export async function openBatchOutput(options: OpenBatchOutputOptions): Promise<{ sink: ResultSink; completed: CompletedPositions }> {
  const { path, resume, force, logger } = options;
  if (path === '-') {
    if (resume) throw new InputError('--resume needs an --out file, not standard output', { hint: 'Pass --out FILE.jsonl' });
    return { sink: createJsonLinesSink(path, { append: false }, options.stdout), completed: new CompletedPositions() };
  }
  const size = fileSize(path);
  if (!resume && !force && size !== undefined && size > 0) {
    throw new InputError(`${path} already exists and is not empty`, {
      hint: 'Pass --resume to continue the job that wrote it, or --force to replace it',
    });
  }
  const completed = resume
    ? await readCompletedOutput({
        path,
        logger,
        ...(options.onCompletedRecord ? { onRecord: options.onCompletedRecord } : {}),
        ...(options.inputNames ? { inputNames: options.inputNames } : {}),
      })
    : new CompletedPositions();
  if (resume && completed.size > 0) logger.info('resuming: %d alerts in %s are already done', completed.size, path);
  return { sink: createJsonLinesSink(path, { append: resume }), completed };
}
