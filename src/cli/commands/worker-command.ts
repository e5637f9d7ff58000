import { hostname } from 'node:os';
import { createBackend } from '../../backends/create-backend.js';
import { ExplanationCache } from '../../batch/explanation-cache.js';
import { resolveBackendName, resolveLlmSettings, type LlmFlags } from '../../config/llm-settings.js';
import { userCacheDir } from '../../config/user-dirs.js';
import { InputError } from '../../errors/input-error.js';
import { defaultMaxTechniques } from '../../explain/explain-alert.js';
import { LlmCallCounts } from '../../llm/llm-call-counts.js';
import { createSharedBackoff } from '../../llm/shared-backoff.js';
import { formatWorkerSummary } from '../../worker/format-worker-summary.js';
import { checkRedisUrl } from '../../worker/redis-url.js';
import { runWorker, type WorkerOptions } from '../../worker/run-worker.js';
import { streamNames } from '../../worker/stream-names.js';
import { parseIntegerOption, parseNumberOption } from '../parse-options.js';
import { defaultConcurrency, loadJobKnowledge, localBackends } from './batch-command.js';
import { explanationCachePath } from './cache-command.js';
import type { CommandContext } from './explain-command.js';

/** Options of `ids-explain worker`. `--stream` names the Redis stream, so model responses are streamed only through IDS_EXPLAIN_STREAM. */
export interface WorkerCommandOptions extends Omit<LlmFlags, 'stream'> {
  redis?: string;
  stream?: string;
  group?: string;
  consumer?: string;
  concurrency?: string;
  results?: string;
  deadLetter?: string;
  maxDeliveries?: string;
  claimIdle?: string;
  maxInFlight?: string;
  field?: string;
  startId?: string;
  stopTimeout?: string;
  exitWhenEmpty?: boolean;
  resultsMaxLength?: string;
  cache: string | boolean;
  cacheSize?: string;
  cacheTtl?: string;
  quiet?: boolean;
  backend?: string;
  attack?: string;
  maxTechniques?: string;
  inputFormat?: string;
  examples?: string;
}

/** Key prefix of the explanations that workers share in Redis. */
const redisCachePrefix = 'ids-explain:explanations:';

function parseStartId(value: string | undefined): string {
  const startId = value ?? '0';
  if (startId !== '$' && !/^\d+(-\d+)?$/.test(startId)) {
    throw new InputError(`invalid --start-id "${startId}"`, { hint: 'Use 0 for the whole stream, $ for new messages only, or a message ID such as 1717000000000-0' });
  }
  return startId;
}

function streamSettings(options: WorkerCommandOptions, context: CommandContext) {
  const address = checkRedisUrl(options.redis ?? context.environment.IDS_EXPLAIN_REDIS_URL);
  const names = streamNames({
    stream: options.stream,
    group: options.group,
    ...(options.results !== undefined ? { results: options.results } : {}),
    ...(options.deadLetter !== undefined ? { deadLetter: options.deadLetter } : {}),
  });
  return {
    address,
    names,
    consumer: options.consumer ?? `${hostname()}-${process.pid}`,
    field: options.field ?? 'alert',
    startId: parseStartId(options.startId),
    claimIdleMs: 1000 * (parseNumberOption('--claim-idle', options.claimIdle, { min: 0.05, max: 86_400 }) ?? 60),
    maxDeliveries: parseIntegerOption('--max-deliveries', options.maxDeliveries, { min: 1, max: 1000 }) ?? 5,
    stopTimeoutMs: 1000 * (parseNumberOption('--stop-timeout', options.stopTimeout, { min: 0, max: 3600 }) ?? 20),
    exitWhenEmpty: Boolean(options.exitWhenEmpty),
    resultsMaxLength: parseIntegerOption('--results-max-length', options.resultsMaxLength, { min: 0, max: 1_000_000_000 }) ?? 0,
  };
}

function pipelineSettings(options: WorkerCommandOptions, context: CommandContext) {
  const { stream: _stream, ...llmFlags } = options;
  const llm = resolveLlmSettings(context.environment, llmFlags);
  const backend = resolveBackendName(options.backend, context.environment, llm);
  const concurrency = parseIntegerOption('--concurrency', options.concurrency, { min: 1, max: 256 }) ?? defaultConcurrency(backend);
  return {
    llm,
    backend,
    concurrency,
    maxInFlight: parseIntegerOption('--max-in-flight', options.maxInFlight, { min: 1, max: 100_000 }) ?? Math.min(4096, Math.max(256, 64 * concurrency)),
    maxTechniques: parseIntegerOption('--max-techniques', options.maxTechniques, { min: 1, max: 10 }) ?? defaultMaxTechniques,
    cacheBytes: (parseIntegerOption('--cache-size', options.cacheSize, { min: 1, max: 1_000_000 }) ?? 512) * 1024 * 1024,
    cacheTtlSeconds: Math.round(86_400 * (parseNumberOption('--cache-ttl', options.cacheTtl, { min: 0.001, max: 3650 }) ?? 7)),
  };
}

/**
 * Opens the local explanation cache: a SQLite file for `--cache PATH`, or a temporary one
 * when explanations are kept in Redis or not across runs (`--no-cache`).
 */
function openLocalCache(options: WorkerCommandOptions, context: CommandContext, maxBytes: number): ExplanationCache {
  const path = typeof options.cache === 'string' && options.cache !== 'redis' ? explanationCachePath(options.cache, context) : '';
  try {
    return new ExplanationCache({ path, maxBytes, logger: context.logger });
  } catch (error) {
    throw new InputError(`cannot open the explanation cache ${path}: ${(error as Error).message}`, { hint: 'Pass another --cache path, --cache redis, or --no-cache', cause: error });
  }
}

/** Stops reading on the first SIGINT or SIGTERM and stops waiting on the second. */
function listenForStop(context: CommandContext): { stop: AbortController; force: AbortController; remove: () => void } {
  const stop = new AbortController();
  const force = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) {
      context.logger.warn('%s again: releasing the messages in flight without waiting', signal);
      force.abort();
      return;
    }
    context.logger.warn('%s: reading no more messages and finishing those in flight (send it again to stop at once)', signal);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const remove = () => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
  return { stop, force, remove };
}

/**
 * Runs `ids-explain worker`: explains the alerts of a Redis stream through a consumer group
 * with the batch pipeline, until SIGINT or SIGTERM, or until the stream is drained with
 * `--exit-when-empty`. Prints a summary on standard error unless `--quiet`.
 */
export async function runWorkerCommand(options: WorkerCommandOptions, context: CommandContext): Promise<void> {
  const streams = streamSettings(options, context);
  const pipeline = pipelineSettings(options, context);
  const backoff = createSharedBackoff();
  const llmCalls = new LlmCallCounts();
  const backend = await createBackend({ name: pipeline.backend, llm: pipeline.llm, backoff, calls: llmCalls, cacheDir: userCacheDir(context.environment as Record<string, string | undefined>) });
  const knowledge = loadJobKnowledge(options, context);
  const cache = openLocalCache(options, context, pipeline.cacheBytes);
  const signals = listenForStop(context);
  const startedAt = Date.now();
  const workerOptions: WorkerOptions = {
    ...streams,
    maxInFlight: pipeline.maxInFlight,
    ...(options.cache === 'redis' ? { redisCache: { prefix: redisCachePrefix, ttlSeconds: pipeline.cacheTtlSeconds } } : {}),
    job: { ...knowledge, backend, backoff, cache, concurrency: pipeline.concurrency, maxTechniques: pipeline.maxTechniques, ...(options.inputFormat ? { inputFormat: options.inputFormat } : {}) },
    stopSignal: signals.stop.signal,
    forceSignal: signals.force.signal,
    logger: context.logger,
  };
  try {
    const report = await runWorker(workerOptions);
    if (!options.quiet) {
      const usesLlm = !localBackends.has(backend.name);
      const summary = { consumer: streams.consumer, backend: backend.name, usesLlm, elapsedSeconds: (Date.now() - startedAt) / 1000, ...(usesLlm ? { llmCalls } : {}) };
      process.stderr.write(formatWorkerSummary(report, summary));
    }
  } finally {
    signals.remove();
    cache.close();
  }
}
