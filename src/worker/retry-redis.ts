import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorReply } from 'redis';
import type { Logger } from '../logging/logger.js';

/** Error replies that a server gives while it starts, fails over or runs a long script. */
const transientReplies = /^(LOADING|BUSY|TRYAGAIN|CLUSTERDOWN|MASTERDOWN|READONLY)\b/;

/**
 * Tells whether a failed Redis call can pass when repeated: a lost or closed connection, or
 * a server that is loading its data or failing over. Other error replies, such as a wrong
 * key type or a missing consumer group, cannot.
 */
export function isTransientRedisError(error: unknown): boolean {
  if (error instanceof ErrorReply) return transientReplies.test(error.message);
  return error instanceof Error;
}

export interface RetryRedisOptions {
  /** Description of the call for the log line, such as "writing 100 results". */
  action: string;
  logger: Logger;
  /** Stops retrying; the last error is thrown. */
  signal?: AbortSignal;
}

/**
 * Runs a Redis call until it succeeds, waiting 100 ms, doubling to at most 2 s, after each
 * transient failure (see isTransientRedisError). Only use it for calls that are safe to
 * repeat. Returns the call's result and throws the first error that is not transient, or the
 * last one once the signal aborts.
 */
export async function retryRedis<T>(call: () => Promise<T>, { action, logger, signal }: RetryRedisOptions): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!isTransientRedisError(error) || signal?.aborted) throw error;
      const delay = Math.min(100 * 2 ** attempt, 2000);
      if (attempt === 0) logger.info('%s failed (%s); retrying until Redis responds', action, (error as Error).message);
      await sleep(delay);
    }
  }
}
