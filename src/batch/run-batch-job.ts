import pLimit from 'p-limit';
import type { AttackIndex } from '../attack/attack-index.js';
import type { ExplanationBackend } from '../backends/explanation-backend.js';
import type { SharedBackoff } from '../llm/shared-backoff.js';
import type { Logger } from '../logging/logger.js';
import type { TechniqueMapper } from '../mapping/technique-mapping.js';
import type { AlertSource } from './alert-source.js';
import type { BatchResult } from './batch-record.js';
import { BatchStats } from './batch-stats.js';
import type { CompletedPositions } from './completed-positions.js';
import { createBatchExplainer } from './create-batch-explainer.js';
import { createHeapWatch } from './create-heap-watch.js';
import type { ExplanationCache } from './explanation-cache.js';
import type { CacheIdentity } from './explanation-cache-key.js';
import type { ResultSink } from './result-sink.js';
import { runBatch } from './run-batch.js';
import type { SharedTemplateCache } from './shared-template-cache.js';
import { TemplateStore } from './template-store.js';

export interface BatchJobOptions {
  source: AlertSource;
  sink: ResultSink;
  index: AttackIndex;
  mapper: TechniqueMapper;
  backend: ExplanationBackend;
  /** The job's shared back-off; the backend was created with the same one. */
  backoff: SharedBackoff;
  cache: ExplanationCache;
  /** Cache shared with other processes, such as the Redis cache of queue workers. */
  sharedCache?: SharedTemplateCache;
  /** Size of the job's one limiter of backend calls. */
  concurrency: number;
  maxTechniques: number;
  /** Value of `--input-format`. */
  inputFormat?: string;
  logger: Logger;
  /** Counts to add to; a new BatchStats when absent. */
  stats?: BatchStats;
  completed?: CompletedPositions;
  /** Called for every result before the sink gets it. */
  onRecord?: (record: BatchResult) => void;
  /** Stops reading new alerts; the alerts in flight are finished. */
  signal?: AbortSignal;
  /** Aborts the backend calls in flight; their alerts get failed records. */
  cancel?: AbortSignal;
  /** Drops backend calls not yet started; see BatchExplainerOptions.skipQueued. */
  skipQueued?: AbortSignal;
}

/** Returns what, besides the template key, decides a cached explanation. */
export function cacheIdentity(backend: ExplanationBackend, index: AttackIndex, maxTechniques: number): CacheIdentity {
  // Backends that call a model expose which one and their prompt version; both change answers.
  const described = backend;
  const hashes = index.domains.map((domain) => domain.bundleHash.slice(0, 16)).join(',');
  return {
    backend: backend.name,
    ...(described.model ? { model: described.model } : {}),
    ...(described.promptVersion ? { promptVersion: described.promptVersion } : {}),
    attackRelease: `${index.release.label} (${hashes})`,
    maxTechniques,
  };
}

/**
 * Runs one batch job from a source to a sink: one limiter of backend calls, one template
 * store over the cache, one explainer, and the stats. Any source and sink work, so files,
 * standard input and queues share this pipeline. Returns the stats when every record is
 * written; the caller closes the sink and the cache.
 */
export async function runBatchJob(options: BatchJobOptions): Promise<BatchStats> {
  const stats = options.stats ?? new BatchStats();
  const watchHeap = createHeapWatch();
  const explain = createBatchExplainer({
    index: options.index,
    mapper: options.mapper,
    backend: options.backend,
    store: new TemplateStore({
      cache: options.cache,
      identity: cacheIdentity(options.backend, options.index, options.maxTechniques),
      logger: options.logger,
      ...(options.sharedCache ? { shared: options.sharedCache } : {}),
    }),
    limiter: pLimit(options.concurrency),
    backoff: options.backoff,
    maxTechniques: options.maxTechniques,
    ...(options.inputFormat ? { inputFormat: options.inputFormat } : {}),
    logger: options.logger,
    ...(options.cancel ? { signal: options.cancel } : {}),
    ...(options.skipQueued ? { skipQueued: options.skipQueued } : {}),
    onDraft: (explanation) => stats.draft(explanation),
  });
  await runBatch({
    source: options.source,
    sink: options.sink,
    explain,
    ...(options.completed ? { completed: options.completed } : {}),
    onRecord: (record) => {
      stats.record(record);
      options.onRecord?.(record);
      watchHeap();
    },
    ...(options.signal ? { signal: options.signal } : {}),
    maxPending: Math.max(4096, options.concurrency * 256),
    maxPendingWhileBacklogged: Math.max(512, options.concurrency * 32),
  });
  return stats;
}
