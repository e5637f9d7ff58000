import { readFileSync } from 'node:fs';
import type { ExplanationBackend } from '../../src/backends/explanation-backend.js';
import { offlineBackend } from '../../src/backends/offline-backend.js';
import { ExplanationCache } from '../../src/batch/explanation-cache.js';
import { createSharedBackoff } from '../../src/llm/shared-backoff.js';
import { silentLogger, type Logger } from '../../src/logging/logger.js';
import type { RedisClient } from '../../src/worker/connect-redis.js';
import { parseStreamEntries, type StreamEntry } from '../../src/worker/parse-stream-entries.js';
import { checkRedisUrl } from '../../src/worker/redis-url.js';
import { runWorker, type WorkerOptions, type WorkerReport } from '../../src/worker/run-worker.js';
import { streamNames, type StreamNames } from '../../src/worker/stream-names.js';
import { realAttackIndex, realMapper } from './real-attack.js';
import { uniqueName } from './redis-server.js';

export interface TestWorkerOptions {
  url: string;
  names: StreamNames;
  consumer?: string;
  backend?: ExplanationBackend;
  concurrency?: number;
  claimIdleMs?: number;
  maxDeliveries?: number;
  stopTimeoutMs?: number;
  exitWhenEmpty?: boolean;
  /** Key prefix of a shared Redis explanation cache; none keeps explanations in the process. */
  cachePrefix?: string;
  stopSignal?: AbortSignal;
  logger?: Logger;
}

/** Runs a worker in this process over the real ATT&CK data, with a temporary local cache. */
export async function runTestWorker(options: TestWorkerOptions): Promise<WorkerReport> {
  const cache = new ExplanationCache({ path: '', maxBytes: 1e9, logger: silentLogger });
  const settings: WorkerOptions = {
    address: checkRedisUrl(options.url),
    names: options.names,
    consumer: options.consumer ?? uniqueName('worker'),
    field: 'alert',
    startId: '0',
    claimIdleMs: options.claimIdleMs ?? 60_000,
    maxDeliveries: options.maxDeliveries ?? 5,
    maxInFlight: 256,
    stopTimeoutMs: options.stopTimeoutMs ?? 20_000,
    exitWhenEmpty: options.exitWhenEmpty ?? true,
    resultsMaxLength: 0,
    ...(options.cachePrefix ? { redisCache: { prefix: options.cachePrefix, ttlSeconds: 600 } } : {}),
    job: {
      index: realAttackIndex(),
      mapper: realMapper(),
      backend: options.backend ?? offlineBackend,
      backoff: createSharedBackoff(),
      cache,
      concurrency: options.concurrency ?? 1,
      maxTechniques: 3,
    },
    stopSignal: options.stopSignal ?? new AbortController().signal,
    logger: options.logger ?? silentLogger,
  };
  try {
    return await runWorker(settings);
  } finally {
    cache.close();
  }
}

/** Returns the key names of a new worker group on a stream no other test uses. */
export function testStreams(): StreamNames {
  return streamNames({ stream: uniqueName('alerts'), group: 'explainers' });
}

/** Adds one message per alert text and returns their IDs in order. */
export async function addAlerts(client: RedisClient, stream: string, texts: string[]): Promise<string[]> {
  return Promise.all(texts.map((text) => client.xAdd(stream, '*', { alert: text })));
}

/** Returns the non-empty lines of a file. */
export function fileLines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '');
}

/** Reads every entry of a stream. */
export async function streamEntries(client: RedisClient, stream: string): Promise<StreamEntry[]> {
  return parseStreamEntries(await client.sendCommand(['XRANGE', stream, '-', '+']));
}

/** Counts the results per source message ID. */
export async function resultCounts(client: RedisClient, names: StreamNames): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const entry of await streamEntries(client, names.results)) {
    const id = entry.fields.get('id')!;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Returns the number of messages pending in the group. */
export async function pendingCount(client: RedisClient, names: StreamNames): Promise<number> {
  const summary = (await client.sendCommand(['XPENDING', names.stream, names.group])) as unknown[];
  return Number(summary[0]);
}

/** Parses the record of a result entry. */
export function resultRecord(entry: StreamEntry): { position: { messageId: string }; status: string; error?: string; explainedBy?: string } {
  return JSON.parse(entry.fields.get('record')!) as ReturnType<typeof resultRecord>;
}
