import { createClient, ErrorReply, type RedisClientType } from 'redis';
import { IdsExplainError } from '../errors/ids-explain-error.js';
import type { Logger } from '../logging/logger.js';
import type { RedisAddress } from './redis-url.js';

/** A connected node-redis client. */
export type RedisClient = RedisClientType;

export interface ConnectRedisOptions {
  address: RedisAddress;
  /** Connection name for logs and CLIENT LIST, such as "worker host-12 reader". */
  name: string;
  logger: Logger;
  /**
   * Reconnection attempts before giving up, counted from the first failure of an outage.
   * Infinity keeps trying, as a long-running worker must.
   */
  maxRetries: number;
}

/** Interval between the log lines of one outage, after the first. */
const stillDownLogMs = 60_000;

/** Milliseconds before reconnection attempt `retries`: 100 ms doubling to at most 2 s. */
function reconnectDelay(retries: number): number {
  return Math.min(100 * 2 ** retries, 2000);
}

/**
 * Connects to Redis and returns the client once it is ready. The client reconnects by itself
 * after a lost connection. Commands issued while it is down wait for the connection, and
 * commands that were waiting for a reply when it broke reject. Each outage is logged when it
 * starts, every minute while it lasts, and when it ends. Throws IdsExplainError when the server cannot be
 * reached within `maxRetries` attempts or rejects the connection, such as for a wrong password.
 */
export async function connectRedis({ address, name, logger, maxRetries }: ConnectRedisOptions): Promise<RedisClient> {
  let downSince: number | undefined;
  let lastError: Error | undefined;
  let everReady = false;
  const client: RedisClient = createClient({
    url: address.url,
    name: name.replace(/\s+/g, '-'),
    socket: {
      connectTimeout: 5000,
      reconnectStrategy: (retries: number, cause: Error) => {
        // The server rejected the connection (wrong password, unknown database), so retrying cannot help.
        if (cause instanceof ErrorReply || retries >= maxRetries) return cause;
        return reconnectDelay(retries);
      },
    },
  });
  let loggedAt = 0;
  client.on('error', (error: Error) => {
    lastError = error;
    // A refusal ends the connection attempt, and the error thrown below reports it.
    if (error instanceof ErrorReply) return;
    const now = Date.now();
    if (downSince === undefined) {
      downSince = now;
      loggedAt = now;
      const problem = everReady ? 'lost the connection to' : 'cannot reach';
      logger.warn('%s: %s Redis at %s (%s); retrying', name, problem, address.display, error.message);
    } else if (now - loggedAt >= stillDownLogMs) {
      loggedAt = now;
      logger.warn('%s: Redis at %s still unreachable after %d s (%s); retrying', name, address.display, Math.round((now - downSince) / 1000), error.message);
    }
  });
  client.on('ready', () => {
    const wasReady = everReady;
    everReady = true;
    if (downSince === undefined) return;
    if (!wasReady) {
      downSince = undefined;
      return;
    }
    logger.warn('%s: reconnected to Redis at %s after %s s', name, address.display, ((Date.now() - downSince) / 1000).toFixed(1));
    downSince = undefined;
  });
  try {
    await client.connect();
  } catch (error) {
    const reason = (lastError ?? (error as Error)).message;
    throw new IdsExplainError(`cannot connect to Redis at ${address.display}: ${reason}`, {
      hint: 'Check that the server runs and that --redis names it, with its password if it needs one',
      cause: error,
    });
  }
  return client;
}
