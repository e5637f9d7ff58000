import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import { ErrorReply } from 'redis';
import type { AlertSource, SourceItem } from '../batch/alert-source.js';
import { formatPosition } from '../batch/input-position.js';
import { IdsExplainError } from '../errors/ids-explain-error.js';
import { InputError } from '../errors/input-error.js';
import type { Logger } from '../logging/logger.js';
import type { RedisClient } from './connect-redis.js';
import type { InFlightMessages } from './in-flight-messages.js';
import { parseStreamEntries, readGroupEntries, type StreamEntry } from './parse-stream-entries.js';
import type { StreamNames } from './stream-names.js';
import type { StreamOutcomes } from './stream-outcomes.js';

export interface StreamSourceOptions {
  /** Connection for claims and other short commands. */
  client: RedisClient;
  /** Connection of its own for blocking reads, which hold a connection until they return. */
  reader: RedisClient;
  names: StreamNames;
  consumer: string;
  /** Field of each message that contains the alert text. */
  field: string;
  inFlight: InFlightMessages;
  outcomes: StreamOutcomes;
  maxDeliveries: number;
  /** Idle time after which another worker's pending message is claimed, in milliseconds. */
  claimIdleMs: number;
  /** Ends the source once the stream has no undelivered message and the group none pending. */
  exitWhenEmpty: boolean;
  /** Stops reading; the source ends after the read in progress. */
  signal: AbortSignal;
  logger: Logger;
  /** Maximum messages per read or claim. */
  readCount?: number;
}

/** A message ready for the pipeline, with its delivery count. */
interface Delivery {
  entry: StreamEntry;
  deliveries: number;
}

/**
 * Creates the source of a queue worker: messages read from the stream through the consumer
 * group (XREADGROUP), and messages that other consumers left pending longer than the claim
 * idle time (XAUTOCLAIM). A claimed message that was already delivered `maxDeliveries` times
 * without a result goes to the dead-letter stream instead of the pipeline. The source waits
 * for room in `inFlight` before it reads, and yields each message once, marked as in flight.
 * Throws IdsExplainError when the consumer group disappears while it reads.
 */
export function createStreamSource(options: StreamSourceOptions): AlertSource {
  const { names, inFlight, signal, logger } = options;
  const readCount = options.readCount ?? 100;
  const claimIntervalMs = Math.min(Math.max(options.claimIdleMs / 2, 50), 30_000);
  const blockMs = Math.max(10, Math.min(1000, claimIntervalMs));
  let claimCursor = '0-0';
  let nextClaimAt = 0;
  let bytesRead = 0;
  let failedReads = 0;

  const toItem = ({ entry }: Delivery): SourceItem => {
    const position = { file: names.stream, messageId: entry.id };
    const text = entry.fields.get(options.field);
    if (text !== undefined) {
      bytesRead += Buffer.byteLength(text);
      return { position, text };
    }
    const fields = [...entry.fields.keys()].join(', ') || 'none';
    const error = new InputError(`${formatPosition(position)}: the message has no "${options.field}" field (its fields: ${fields})`, {
      hint: 'Pass --field NAME to read the alert from another field',
    });
    return { position, error };
  };

  async function deliveryCounts(entries: StreamEntry[]): Promise<number[]> {
    const replies = await Promise.all(
      entries.map((entry) => options.client.sendCommand(['XPENDING', names.stream, names.group, entry.id, entry.id, '1']) as Promise<unknown[][]>),
    );
    return replies.map((reply) => Number(reply[0]?.[3] ?? 1));
  }

  /** Claims messages idle longer than the claim idle time, when a claim round is due. */
  async function claimStale(): Promise<Delivery[]> {
    if (Date.now() < nextClaimAt) return [];
    const count = String(Math.min(readCount, inFlight.room));
    const reply = (await options.client.sendCommand(['XAUTOCLAIM', names.stream, names.group, options.consumer, String(options.claimIdleMs), claimCursor, 'COUNT', count])) as unknown[];
    claimCursor = String(reply[0]);
    // A full scan waits for the next interval; a partial one continues at once.
    if (claimCursor === '0-0') nextClaimAt = Date.now() + claimIntervalMs;
    const deleted = (reply[2] ?? []) as string[];
    if (deleted.length > 0) logger.warn('messages %s were deleted from %s while pending, so they have no result', deleted.join(', '), names.stream);
    const entries = parseStreamEntries(reply[1]).filter((entry) => !inFlight.has(entry.id));
    if (entries.length === 0) return [];
    const counts = await deliveryCounts(entries);
    logger.info('claimed %d messages idle for more than %s s: %s', entries.length, options.claimIdleMs / 1000, entries.map((entry) => entry.id).join(', '));
    return keepDeliverable(entries.map((entry, index) => ({ entry, deliveries: counts[index]! })));
  }

  /** Sends messages past their last allowed delivery to the dead-letter stream; returns the rest. */
  async function keepDeliverable(claimed: Delivery[]): Promise<Delivery[]> {
    const deliverable: Delivery[] = [];
    for (const delivery of claimed) {
      const { entry, deliveries } = delivery;
      inFlight.add(entry.id, deliveries);
      if (deliveries <= options.maxDeliveries) {
        deliverable.push(delivery);
        continue;
      }
      const lastError = (await options.outcomes.lastFailure(entry.id)) ?? 'none recorded; the workers that received it stopped or crashed before finishing it';
      await options.outcomes.deadLetter({ file: names.stream, messageId: entry.id }, deliveries - 1, lastError);
    }
    return deliverable;
  }

  /** Reads new messages; returns undefined when the read failed and was logged. */
  async function readNew(): Promise<Delivery[] | undefined> {
    const count = String(Math.min(readCount, inFlight.room));
    try {
      const reply = await options.reader.sendCommand(['XREADGROUP', 'GROUP', names.group, options.consumer, 'COUNT', count, 'BLOCK', String(blockMs), 'STREAMS', names.stream, '>']);
      failedReads = 0;
      const entries = readGroupEntries(reply);
      for (const entry of entries) inFlight.add(entry.id, 1);
      return entries.map((entry) => ({ entry, deliveries: 1 }));
    } catch (error) {
      if (error instanceof ErrorReply && error.message.startsWith('NOGROUP')) {
        throw new IdsExplainError(`the consumer group ${names.group} of stream ${names.stream} no longer exists`, {
          hint: 'It was deleted, or Redis lost its data; start the workers again to create it',
          cause: error,
        });
      }
      failedReads += 1;
      logger.debug('reading %s failed (%s); trying again', names.stream, (error as Error).message);
      await sleep(Math.min(100 * 2 ** failedReads, 2000));
      return undefined;
    }
  }

  /** Waits for the messages in flight, then returns whether the group has none pending. */
  async function isDrained(): Promise<boolean> {
    if (!(await inFlight.waitUntilEmpty(signal))) return false;
    const summary = (await options.client.sendCommand(['XPENDING', names.stream, names.group])) as unknown[];
    return Number(summary[0]) === 0 && inFlight.size === 0;
  }

  /** Claims idle messages when a claim round is due, and reads new ones otherwise. */
  async function fetchBatch(): Promise<Delivery[] | undefined> {
    const claimed = await claimStale().catch((error: unknown) => {
      logger.debug('claiming idle messages of %s failed (%s)', names.stream, (error as Error).message);
      return [];
    });
    return claimed.length > 0 ? claimed : readNew();
  }

  async function* items(): AsyncGenerator<SourceItem> {
    let prefetched: Promise<Delivery[] | undefined> | undefined;
    try {
      while (prefetched || (await inFlight.waitForRoom(signal))) {
        const deliveries = await (prefetched ?? fetchBatch());
        prefetched = undefined;
        if (deliveries === undefined) continue;
        if (deliveries.length === 0) {
          if (options.exitWhenEmpty && (await isDrained().catch(() => false))) return;
          continue;
        }
        // The next read runs while these messages are explained, so its round trip to Redis
        // overlaps the work instead of adding to it.
        if (inFlight.room > 0 && !signal.aborted) {
          prefetched = fetchBatch();
          // Its error is raised where it is awaited; this keeps it from counting as unhandled before.
          prefetched.catch(() => {});
        }
        for (const [index, delivery] of deliveries.entries()) {
          // Messages read but not yielded stay in flight, and the worker releases them on stop.
          if (signal.aborted) return;
          // Most alerts are explained synchronously, so without a pause here a whole read would
          // run as one task, and lock renewals and result writes would wait behind it.
          if (index > 0 && index % 16 === 0) await setImmediate();
          yield toItem(delivery);
        }
      }
    } finally {
      // A read still under way puts its messages in flight, where the worker releases them on stop.
      await prefetched?.catch(() => undefined);
    }
  }

  return { items, progress: () => ({ bytesRead }) };
}
