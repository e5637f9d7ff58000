import { recordLine, type BatchResult, type SinkRecord } from '../batch/batch-record.js';
import type { ResultSink } from '../batch/result-sink.js';
import type { Logger } from '../logging/logger.js';
import type { InFlightMessage, InFlightMessages } from './in-flight-messages.js';
import type { FinishedMessage, StreamOutcomes } from './stream-outcomes.js';

export interface StreamSinkOptions {
  outcomes: StreamOutcomes;
  inFlight: InFlightMessages;
  maxDeliveries: number;
  /** Idle time after which a failed message is delivered again, for the log line. */
  claimIdleMs: number;
  logger: Logger;
  /** Results collected before they are written in one script call. */
  batchSize?: number;
}

/**
 * Tells whether a failed record may pass on another delivery. A record with a fingerprint
 * belongs to an alert that was read, whose explanation failed (a model request that ran out
 * of retries, an internal error). A record without one belongs to an alert that cannot be
 * read, which fails the same way every time.
 */
function isRetryable(record: BatchResult): boolean {
  return record.status === 'failed' && record.fingerprint !== undefined;
}

/**
 * Creates the sink of a queue worker. Explanations, and error records of alerts that cannot
 * be read, are written to the results stream in batches, each result with its message's
 * acknowledgement. A failure that may pass later leaves the message pending for another
 * delivery, until its last allowed delivery sends it to the dead-letter stream. Records of
 * messages no longer in flight (released on stop) are dropped. `write` resolves once the
 * record's batch is stored.
 */
export function createStreamSink(options: StreamSinkOptions): ResultSink {
  const { outcomes, inFlight, logger } = options;
  const batchSize = options.batchSize ?? 200;
  const writing = new Set<Promise<void>>();
  let current: PendingBatch | undefined;

  // Records that finish in one turn of the event loop share one script call, like the lines
  // of the JSON Lines sink share one write.
  const writeCurrent = (): void => {
    if (!current) return;
    const { messages, settle, timer } = current;
    current = undefined;
    clearImmediate(timer);
    const done = outcomes.finish(messages);
    writing.add(done);
    done.then(
      () => writing.delete(done),
      () => writing.delete(done),
    );
    settle(done);
  };

  const enqueue = (message: FinishedMessage): Promise<void> => {
    current ??= startBatch(writeCurrent);
    current.messages.push(message);
    const { stored } = current;
    if (current.messages.length >= batchSize) writeCurrent();
    return stored;
  };

  const retryLater = async (record: BatchResult & { status: 'failed' }, message: InFlightMessage): Promise<void> => {
    const position = { ...record.position, messageId: message.id };
    if (message.deliveries >= options.maxDeliveries) {
      await outcomes.deadLetter(position, message.deliveries, record.error, record.fingerprint);
      return;
    }
    logger.warn('%s failed on delivery %d of %d; it is delivered again after %s s: %s', `${position.file}#${message.id}`, message.deliveries, options.maxDeliveries, options.claimIdleMs / 1000, record.error);
    await outcomes.retryLater(message.id, record.error);
  };

  return {
    write(record: SinkRecord): Promise<void> | void {
      if (record.status === 'group') throw new Error('Internal error: a queue worker received a group record, which only --group creates');
      const id = record.position.messageId;
      if (id === undefined) throw new Error(`Internal error: a queue worker received a record without a message ID (${JSON.stringify(record.position)})`);
      const message = inFlight.get(id);
      if (!message) return;
      if (record.status === 'failed' && isRetryable(record)) return retryLater(record, message);
      return enqueue({ id, status: record.status, record: recordLine(record).slice(0, -1) });
    },
    async close() {
      writeCurrent();
      await Promise.all(writing);
    },
  };
}

/** Results waiting for their script call, and the promise that the call settles. */
interface PendingBatch {
  messages: FinishedMessage[];
  stored: Promise<void>;
  settle: (write: Promise<void>) => void;
  timer: NodeJS.Immediate;
}

function startBatch(writeBatch: () => void): PendingBatch {
  let settle!: (write: Promise<void>) => void;
  const stored = new Promise<void>((resolve, reject) => {
    settle = (write) => write.then(resolve, reject);
  });
  return { messages: [], stored, settle, timer: setImmediate(writeBatch) };
}
