import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorReply } from 'redis';
import { BatchStats } from '../batch/batch-stats.js';
import type { ResultSink } from '../batch/result-sink.js';
import { runBatchJob, type BatchJobOptions } from '../batch/run-batch-job.js';
import { IdsExplainError } from '../errors/ids-explain-error.js';
import type { Logger } from '../logging/logger.js';
import { connectRedis, type RedisClient } from './connect-redis.js';
import { createStreamSink } from './create-stream-sink.js';
import { createStreamSource } from './create-stream-source.js';
import { InFlightMessages } from './in-flight-messages.js';
import { createRedisTemplateCache } from './redis-template-cache.js';
import type { RedisAddress } from './redis-url.js';
import { retryRedis } from './retry-redis.js';
import type { StreamNames } from './stream-names.js';
import { StreamOutcomes, type WorkerCounts } from './stream-outcomes.js';

/** Settings of one worker process. */
export interface WorkerOptions {
  address: RedisAddress;
  names: StreamNames;
  /** Consumer name in the group; unique per process. */
  consumer: string;
  /** Message field that contains the alert text. */
  field: string;
  /** Start position of a group that this worker creates: "0" for the whole stream, "$" for new messages only. */
  startId: string;
  claimIdleMs: number;
  maxDeliveries: number;
  maxInFlight: number;
  /** Time given to messages in flight to finish after a stop request, in milliseconds. */
  stopTimeoutMs: number;
  exitWhenEmpty: boolean;
  /** Approximate cap on the results stream's length; 0 leaves it unbounded. */
  resultsMaxLength: number;
  /** Keeps explanations in Redis for every worker; absent keeps them in `job.cache` only. */
  redisCache?: { prefix: string; ttlSeconds: number };
  /** The pipeline's parts, as `runBatchJob` takes them. */
  job: Omit<BatchJobOptions, 'source' | 'sink' | 'signal' | 'cancel' | 'sharedCache' | 'stats' | 'logger'>;
  /** First stop request: read nothing more, finish or release what is in flight. */
  stopSignal: AbortSignal;
  /** Second stop request: release what is in flight without waiting. */
  forceSignal?: AbortSignal;
  logger: Logger;
}

/** Outcome of a worker run: counts, stats, released messages and the reason it ended. */
export interface WorkerReport {
  counts: WorkerCounts;
  stats: BatchStats;
  /** IDs of the unfinished messages handed back to the group on stop. */
  released: string[];
  /** Whether it stopped on request or because the stream was drained (`exitWhenEmpty`). */
  endedBy: 'stop' | 'empty';
}

/** Message IDs named in the log line of a stop; the rest are counted. */
const maxLoggedIds = 50;

/** Oldest Redis version with XAUTOCLAIM. */
const minimumVersion = [6, 2];

async function checkServer(client: RedisClient, address: RedisAddress): Promise<void> {
  const info = await client.info('server');
  const version = /redis_version:(\d+)\.(\d+)/.exec(info);
  const [major, minor] = version ? [Number(version[1]), Number(version[2])] : [0, 0];
  if (major < minimumVersion[0]! || (major === minimumVersion[0] && minor < minimumVersion[1]!)) {
    throw new IdsExplainError(`Redis at ${address.display} is version ${version ? `${major}.${minor}` : 'unknown'}, but workers need 6.2 or newer`, {
      hint: 'Upgrade Redis; workers claim idle messages with XAUTOCLAIM, added in 6.2',
    });
  }
}

/**
 * Creates the consumer group, starting at `startId`, unless it exists already, and adds this
 * worker to it, so that XINFO CONSUMERS lists the worker before it receives a message.
 */
async function joinGroup(client: RedisClient, options: WorkerOptions): Promise<void> {
  const { names, startId, consumer, logger } = options;
  try {
    await retryRedis(() => client.xGroupCreate(names.stream, names.group, startId, { MKSTREAM: true }), { action: `creating group ${names.group}`, logger });
    logger.info('created consumer group %s of stream %s, reading from %s', names.group, names.stream, startId === '0' ? 'its first message' : 'new messages');
  } catch (error) {
    if (!(error instanceof ErrorReply && error.message.startsWith('BUSYGROUP'))) {
      throw new IdsExplainError(`cannot create consumer group ${names.group} of stream ${names.stream}: ${(error as Error).message}`, {
        hint: `Check that ${names.stream} is a stream (TYPE ${names.stream})`,
        cause: error,
      });
    }
  }
  await retryRedis(() => client.xGroupCreateConsumer(names.stream, names.group, consumer), { action: `joining group ${names.group}`, logger });
}

/** Resolves `stopTimeoutMs` after the stop request, or at once on the force request. */
function stopDeadline(options: WorkerOptions): Promise<void> {
  return new Promise((resolve) => {
    const force = () => resolve();
    options.forceSignal?.addEventListener('abort', force, { once: true });
    options.stopSignal.addEventListener('abort', () => setTimeout(force, options.stopTimeoutMs).unref(), { once: true });
  });
}

/**
 * Starts a timer that resets the idle time of the messages still in flight every third of the
 * claim idle time. Returns the function that stops it.
 */
function startKeepAlive(inFlight: InFlightMessages, outcomes: StreamOutcomes, options: WorkerOptions): () => void {
  const every = Math.max(options.claimIdleMs / 3, 20);
  const timer = setInterval(() => {
    const ids = inFlight.staleIds(Date.now() - every);
    outcomes
      .keepAlive(ids)
      .then((lost) => {
        const lostIds = new Set(lost);
        inFlight.markRefreshed(ids.filter((id) => !lostIds.has(id)));
        if (lost.length > 0) options.logger.debug('messages %s were finished or claimed by another worker while in flight here', lost.join(', '));
      })
      .catch((error: unknown) => options.logger.debug('resetting the idle time of %d messages failed: %s', ids.length, (error as Error).message));
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Runs one queue worker until a stop request, or until the stream is drained with
 * `exitWhenEmpty`. Connects twice to Redis (one connection for blocking reads), creates the
 * group when missing, and runs the batch pipeline between the stream source and the results
 * sink. On stop it reads nothing more, gives the messages in flight `stopTimeoutMs` to
 * finish, then releases the rest to the group unacknowledged and logs their IDs. Returns what
 * the worker did. Throws IdsExplainError when Redis cannot be reached, is older than 6.2,
 * or the stream key contains another type, and when Redis rejects a command during the run,
 * such as a result write to a key of another type.
 */
export async function runWorker(options: WorkerOptions): Promise<WorkerReport> {
  const { address, consumer, logger } = options;
  const client = await connectRedis({ address, name: `worker ${consumer}`, logger, maxRetries: Number.POSITIVE_INFINITY });
  let reader: RedisClient | undefined;
  try {
    await checkServer(client, address);
    await joinGroup(client, options);
    reader = await connectRedis({ address, name: `worker ${consumer} reader`, logger, maxRetries: Number.POSITIVE_INFINITY });
    return await runPipeline(client, reader, options);
  } finally {
    await Promise.all([disconnect(client), reader ? disconnect(reader) : undefined]);
  }
}

/** Closes a connection after the replies still due, or drops it when they take over 2 s. */
async function disconnect(client: RedisClient): Promise<void> {
  await Promise.race([client.close(), sleep(2000, undefined, { ref: false })]).catch(() => {});
  if (client.isOpen) client.destroy();
}

async function runPipeline(client: RedisClient, reader: RedisClient, options: WorkerOptions): Promise<WorkerReport> {
  const { names, consumer, logger } = options;
  const reading = new AbortController();
  const cancel = new AbortController();
  // Every backend call in flight listens to this signal, and --concurrency allows up to 256.
  setMaxListeners(0, cancel.signal);
  const abandon = new AbortController();
  options.stopSignal.addEventListener('abort', () => reading.abort(), { once: true });
  const inFlight = new InFlightMessages(options.maxInFlight);
  const outcomes = new StreamOutcomes({ client, names, consumer, inFlight, resultsMaxLength: options.resultsMaxLength, logger, abandon: abandon.signal });
  const source = createStreamSource({ ...options, client, reader, inFlight, outcomes, signal: reading.signal });
  const sink = stopReadingOnFailure(createStreamSink({ outcomes, inFlight, maxDeliveries: options.maxDeliveries, claimIdleMs: options.claimIdleMs, logger }), reading);
  const sharedCache = options.redisCache ? createRedisTemplateCache({ client, ...options.redisCache, logger }) : undefined;
  const stats = new BatchStats();
  const stopKeepAlive = startKeepAlive(inFlight, outcomes, options);
  const stopProgressLog = startProgressLog(inFlight, outcomes, options);
  logger.info('worker %s reading %s as a member of group %s', consumer, names.stream, names.group);

  const job = runBatchJob({ ...options.job, source, sink, stats, logger, signal: reading.signal, cancel: cancel.signal, ...(sharedCache ? { sharedCache } : {}) }).finally(() => sink.close());
  // The job's outcome is read below; this keeps an early rejection from going unhandled.
  job.catch(() => {});
  try {
    const finished = await Promise.race([job.then(() => true), stopDeadline(options).then(() => false)]);
    const released = await releaseUnfinished(inFlight, outcomes, options);
    if (!finished) {
      abandon.abort();
      cancel.abort();
      await Promise.race([job.catch(() => {}), sleep(2000, undefined, { ref: false })]);
    } else {
      await job;
    }
    if (await outcomes.leaveGroup().catch(() => false)) logger.debug('removed consumer %s from group %s: it owns no pending message', consumer, names.group);
    return { counts: outcomes.counts, stats, released, endedBy: options.stopSignal.aborted ? 'stop' : 'empty' };
  } catch (error) {
    await releaseUnfinished(inFlight, outcomes, options).catch(() => []);
    if (!(error instanceof ErrorReply)) throw error;
    throw new IdsExplainError(`worker ${consumer} stopped because Redis rejected a command: ${error.message}`, {
      hint: `Check the types of ${names.stream}, ${names.results} and ${names.deadLetter} (TYPE KEY) and the group (XINFO GROUPS ${names.stream})`,
      cause: error,
    });
  } finally {
    stopKeepAlive();
    stopProgressLog();
  }
}

/**
 * Returns the sink with one change: a write that fails stops the reading. The job then ends
 * and raises the error, instead of waiting for messages whose results were never stored.
 */
function stopReadingOnFailure(sink: ResultSink, reading: AbortController): ResultSink {
  return {
    write(record) {
      try {
        const written = sink.write(record);
        written?.catch(() => reading.abort());
        return written;
      } catch (error) {
        reading.abort();
        throw error;
      }
    },
    close: () => sink.close(),
  };
}

/** Hands the messages still in flight back to the group and logs their IDs. */
async function releaseUnfinished(inFlight: InFlightMessages, outcomes: StreamOutcomes, options: WorkerOptions): Promise<string[]> {
  const unfinished = inFlight.list();
  if (unfinished.length === 0) return [];
  const ids = unfinished.map((message) => message.id);
  const listed = ids.length > maxLoggedIds ? `${ids.slice(0, maxLoggedIds).join(', ')} and ${ids.length - maxLoggedIds} more` : ids.join(', ');
  try {
    await outcomes.release(unfinished);
    options.logger.warn('stopped with %d unfinished messages, released unacknowledged for other workers: %s', ids.length, listed);
  } catch (error) {
    options.logger.warn('stopped with %d unfinished messages, left unacknowledged; other workers claim them after %s s: %s (%s)', ids.length, options.claimIdleMs / 1000, listed, (error as Error).message);
  }
  return ids;
}

/** Logs the worker's counts every minute at info level, for long-running workers. */
function startProgressLog(inFlight: InFlightMessages, outcomes: StreamOutcomes, options: WorkerOptions): () => void {
  if (!options.logger.isEnabled('info')) return () => {};
  const timer = setInterval(() => {
    const { explained, failed, deadLettered, retried } = outcomes.counts;
    options.logger.info('worker %s: %d explained, %d failed, %d dead letters, %d failures awaiting another delivery, %d in flight', options.consumer, explained, failed, deadLettered, retried, inFlight.size);
  }, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
