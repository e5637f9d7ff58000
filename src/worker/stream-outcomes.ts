import type { FailedRecord } from '../batch/batch-record.js';
import { formatPosition, type InputPosition } from '../batch/input-position.js';
import type { Logger } from '../logging/logger.js';
import type { RedisClient } from './connect-redis.js';
import type { InFlightMessage, InFlightMessages } from './in-flight-messages.js';
import { retryRedis } from './retry-redis.js';
import { runScript } from './run-script.js';
import type { StreamNames } from './stream-names.js';
import { deadLetterScript, finishScript, keepAliveScript, leaveGroupScript, releaseScript } from './worker-scripts.js';

/** Counts of the outcomes of the messages that a worker read. */
export interface WorkerCounts {
  /** Results written, by status. */
  explained: number;
  failed: number;
  /** Messages that failed on their last allowed delivery and went to the dead-letter stream. */
  deadLettered: number;
  /** Failures left pending for another delivery. */
  retried: number;
  /** Unfinished messages handed back to the group when the worker stopped. */
  released: number;
  /** Finished messages whose result another worker had already written. */
  alreadyFinished: number;
}

/** A result ready to be written: the message ID, the record's status and its JSON line. */
export interface FinishedMessage {
  id: string;
  status: 'explained' | 'failed';
  record: string;
}

export interface StreamOutcomesOptions {
  client: RedisClient;
  names: StreamNames;
  consumer: string;
  inFlight: InFlightMessages;
  /** Approximate cap on the results stream's length; 0 leaves it unbounded. */
  resultsMaxLength: number;
  logger: Logger;
  /** Stops retrying writes that Redis did not take, when the worker gives up on them. */
  abandon: AbortSignal;
}

/**
 * Records the outcome of messages in Redis: results with their acknowledgement, dead
 * letters, failures awaiting another delivery, and messages released on stop. Writes that
 * fail while Redis is unreachable are retried, which the scripts make safe.
 */
export class StreamOutcomes {
  readonly counts: WorkerCounts = { explained: 0, failed: 0, deadLettered: 0, retried: 0, released: 0, alreadyFinished: 0 };
  private readonly options: StreamOutcomesOptions;

  constructor(options: StreamOutcomesOptions) {
    this.options = options;
  }

  /** Writes the results of finished messages, acknowledges them and takes them out of flight. */
  async finish(messages: FinishedMessage[]): Promise<void> {
    const { client, names, consumer, inFlight } = this.options;
    const args = [names.group, consumer, String(this.options.resultsMaxLength), ...messages.flatMap((message) => [message.id, message.status, message.record])];
    const keys = [names.stream, names.results, names.failures];
    const skipped = new Set((await this.retry(`writing ${messages.length} results`, () => runScript(client, finishScript, keys, args))) as string[]);
    for (const message of messages) {
      if (skipped.has(message.id)) this.counts.alreadyFinished += 1;
      else this.counts[message.status] += 1;
      inFlight.delete(message.id);
    }
    if (skipped.size > 0) this.options.logger.info('%d of %d messages were finished already, by another worker or an earlier try; their results were not written again', skipped.size, messages.length);
  }

  /**
   * Moves a message that failed on its last allowed delivery to the dead-letter stream with
   * the last error, writes a failed result for it, acknowledges it and takes it out of flight.
   */
  async deadLetter(position: InputPosition & { messageId: string }, deliveries: number, lastError: string, fingerprint?: string): Promise<void> {
    const { client, names, consumer, inFlight, logger } = this.options;
    const record: FailedRecord = {
      position,
      status: 'failed',
      error: `${formatPosition(position)}: moved to the dead-letter stream ${names.deadLetter} after ${deliveries} deliveries. Last error: ${lastError}`,
      ...(fingerprint !== undefined ? { fingerprint } : {}),
    };
    const keys = [names.stream, names.results, names.deadLetter, names.failures];
    const args = [names.group, consumer, position.messageId, String(deliveries), lastError, JSON.stringify(record), String(this.options.resultsMaxLength)];
    const moved = Number(await this.retry(`moving ${position.messageId} to ${names.deadLetter}`, () => runScript(client, deadLetterScript, keys, args)));
    inFlight.delete(position.messageId);
    if (moved === 0) {
      this.counts.alreadyFinished += 1;
      return;
    }
    this.counts.deadLettered += 1;
    logger.error('%s: moved to the dead-letter stream %s after %d deliveries; last error: %s', formatPosition(position), names.deadLetter, deliveries, lastError);
  }

  /**
   * Leaves a failed message pending for another delivery after the claim idle time, stores
   * its error for the dead-letter entry, and takes it out of flight. A lost error note only
   * costs the dead-letter entry its text, so it is logged and not retried.
   */
  async retryLater(id: string, error: string): Promise<void> {
    const { client, names, inFlight, logger } = this.options;
    inFlight.delete(id);
    this.counts.retried += 1;
    try {
      await client.hSet(names.failures, id, error);
    } catch (failure) {
      logger.warn('could not store the error of message %s in %s: %s', id, names.failures, (failure as Error).message);
    }
  }

  /** Returns the error stored for a message by an earlier failed delivery, if any. */
  async lastFailure(id: string): Promise<string | undefined> {
    const { client, names } = this.options;
    return (await this.retry(`reading the last error of ${id}`, () => client.hGet(names.failures, id))) ?? undefined;
  }

  /**
   * Hands unfinished messages back to the group, claimable at once by any worker with their
   * delivery count as it was before this delivery. Takes them out of flight and returns how
   * many were still this consumer's to release.
   */
  async release(messages: InFlightMessage[]): Promise<number> {
    const { client, names, consumer, inFlight } = this.options;
    if (messages.length === 0) return 0;
    for (const message of messages) inFlight.delete(message.id);
    // A year of idle time puts the messages ahead of any --claim-idle setting.
    const args = [names.group, consumer, String(365 * 24 * 3600 * 1000), ...messages.flatMap((message) => [message.id, String(message.deliveries - 1)])];
    const released = Number(await runScript(client, releaseScript, [names.stream], args));
    this.counts.released += released;
    return released;
  }

  /** Resets the idle time of messages in flight; returns the ids that are no longer this consumer's. */
  async keepAlive(ids: string[]): Promise<string[]> {
    const { client, names, consumer } = this.options;
    if (ids.length === 0) return [];
    return (await runScript(client, keepAliveScript, [names.stream], [names.group, consumer, ...ids])) as string[];
  }

  /** Deletes this consumer from the group when it owns no pending message; returns whether it did. */
  async leaveGroup(): Promise<boolean> {
    const { client, names, consumer } = this.options;
    return Number(await runScript(client, leaveGroupScript, [names.stream], [names.group, consumer])) === 1;
  }

  private retry<T>(action: string, call: () => Promise<T>): Promise<T> {
    return retryRedis(call, { action, logger: this.options.logger, signal: this.options.abandon });
  }
}
