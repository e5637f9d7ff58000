import pLimit from 'p-limit';
import type { AttackIndex } from '../../attack/attack-index.js';
import { createBackend } from '../../backends/create-backend.js';
import type { ExplanationBackend } from '../../backends/explanation-backend.js';
import { explanationCachePath } from './cache-command.js';
import { IdsExplainError } from '../../errors/ids-explain-error.js';
import { defaultMaxTechniques } from '../../explain/explain-alert.js';
import { createSharedBackoff } from '../../llm/shared-backoff.js';
import { loadKnowledge } from '../../runtime/load-knowledge.js';
import { writeFileAtomic } from '../../util/write-file-atomic.js';
import { BatchStats } from '../../batch/batch-stats.js';
import { buildNavigatorLayers } from '../../batch/build-navigator-layer.js';
import { createBatchExplainer } from '../../batch/create-batch-explainer.js';
import { createFileSource } from '../../batch/create-file-source.js';
import { inputLayoutChoices } from '../../batch/detect-layout.js';
import { ExplanationCache } from '../../batch/explanation-cache.js';
import type { CacheIdentity } from '../../batch/explanation-cache-key.js';
import { formatSummary } from '../../batch/format-summary.js';
import { createGroupingSink } from '../../batch/grouping-sink.js';
import { openBatchOutput } from '../../batch/open-batch-output.js';
import { startProgressBar } from '../../batch/progress-bar.js';
import { renderBatchReport } from '../../batch/render-batch-report.js';
import { ReportCollector } from '../../batch/report-collector.js';
import { runBatch } from '../../batch/run-batch.js';
import { TemplateStore } from '../../batch/template-store.js';
import { InputError } from '../../errors/input-error.js';
import { parseChoiceOption, parseIntegerOption } from '../parse-options.js';
import type { CommandContext } from './explain-command.js';

export interface BatchCommandOptions {
  out?: string;
  concurrency?: string;
  resume?: boolean;
  force?: boolean;
  cache: string | boolean;
  cacheSize?: string;
  navigator?: string;
  report?: string;
  group?: boolean;
  quiet?: boolean;
  backend?: string;
  attack?: string;
  maxTechniques?: string;
  inputFormat?: string;
  inputLayout?: string;
}

/** Backends whose drafts are CPU work in this process; a larger pool would only add waiting. */
const localBackends = new Set(['offline', 'replay']);

/** Returns the default limiter size: 1 for local backends, 8 for backends that call an LLM. */
export function defaultConcurrency(backend: string): number {
  return localBackends.has(backend) ? 1 : 8;
}

function settingsFrom(options: BatchCommandOptions) {
  if (!options.out) throw new InputError('missing --out', { hint: 'Pass --out FILE.jsonl, or --out - for standard output' });
  if (options.resume && options.group) {
    throw new InputError('--resume cannot be combined with --group', { hint: 'Group records are written at the end of a job; rerun without --resume (the cache keeps it fast)' });
  }
  const backend = options.backend ?? 'offline';
  return {
    out: options.out,
    backend,
    concurrency: parseIntegerOption('--concurrency', options.concurrency, { min: 1, max: 256 }) ?? defaultConcurrency(backend),
    maxTechniques: parseIntegerOption('--max-techniques', options.maxTechniques, { min: 1, max: 10 }) ?? defaultMaxTechniques,
    cacheBytes: (parseIntegerOption('--cache-size', options.cacheSize, { min: 1, max: 1_000_000 }) ?? 512) * 1024 * 1024,
    layout: parseChoiceOption('--input-layout', options.inputLayout ?? 'auto', inputLayoutChoices) ?? 'auto',
  };
}

function cacheIdentity(backend: ExplanationBackend, index: AttackIndex, maxTechniques: number): CacheIdentity {
  // Backends that call a model expose which one and their prompt version; both change answers.
  const described = backend as ExplanationBackend & { model?: string; promptVersion?: string };
  const hashes = index.domains.map((domain) => domain.bundleHash.slice(0, 16)).join(',');
  return {
    backend: backend.name,
    ...(described.model ? { model: described.model } : {}),
    ...(described.promptVersion ? { promptVersion: described.promptVersion } : {}),
    attackRelease: `${index.release.label} (${hashes})`,
    maxTechniques,
  };
}

function openCache(options: BatchCommandOptions, context: CommandContext, maxBytes: number, startedAt: number): ExplanationCache {
  // --no-cache still needs a store for this run's templates: SQLite's private temporary file.
  const path = options.cache === false ? '' : explanationCachePath(typeof options.cache === 'string' ? options.cache : undefined, context);
  try {
    return new ExplanationCache({ path, maxBytes, logger: context.logger, protectSince: startedAt });
  } catch (error) {
    throw new InputError(`cannot open the explanation cache ${path}: ${(error as Error).message}`, { hint: 'Pass another --cache path, or --no-cache', cause: error });
  }
}

/** Runs `ids-explain batch`: explains every alert of the inputs into a JSON Lines file. */
export async function runBatchCommand(inputs: string[], options: BatchCommandOptions, context: CommandContext): Promise<void> {
  const settings = settingsFrom(options);
  const stats = new BatchStats();
  const collector = new ReportCollector();
  const backoff = createSharedBackoff();
  const backend = await createBackend({ name: settings.backend, backoff });
  const source = createFileSource({ inputs, layout: settings.layout });
  const knowledge = loadKnowledge({ ...(options.attack !== undefined ? { attackPath: options.attack } : {}), environment: context.environment, useCache: true, logger: context.logger });
  const countRecord = (resumed: boolean) => (record: Parameters<typeof collector.add>[0]) => {
    stats.record(record, resumed);
    collector.add(record);
  };
  const output = await openBatchOutput({ path: settings.out, resume: Boolean(options.resume), force: Boolean(options.force), logger: context.logger, onCompletedRecord: countRecord(true), stdout: context.stdout });
  const cache = openCache(options, context, settings.cacheBytes, stats.startedAt);
  const controller = new AbortController();
  const interrupt = () => controller.abort(new IdsExplainError('interrupted'));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const progress = options.quiet ? undefined : startProgressBar({ stream: process.stderr, source, stats });
  const sink = options.group ? createGroupingSink(output.sink) : output.sink;
  try {
    const explain = createBatchExplainer({
      ...knowledge,
      backend,
      store: new TemplateStore({ cache, identity: cacheIdentity(backend, knowledge.index, settings.maxTechniques), logger: context.logger }),
      limiter: pLimit(settings.concurrency),
      backoff,
      maxTechniques: settings.maxTechniques,
      ...(options.inputFormat ? { inputFormat: options.inputFormat } : {}),
      logger: context.logger,
      onDraft: (explanation) => stats.draft(explanation),
    });
    await runBatch({ source, sink, explain, completed: output.completed, onRecord: countRecord(false), signal: controller.signal, maxPending: Math.max(4096, settings.concurrency * 256) });
  } finally {
    await sink.close();
    progress?.stop();
    cache.close();
    process.removeListener('SIGINT', interrupt);
    process.removeListener('SIGTERM', interrupt);
  }
  writeExtras({ options, inputs, stats, collector, index: knowledge.index, backend: backend.name });
  if (!options.quiet) {
    const elapsedSeconds = (Date.now() - stats.startedAt) / 1000;
    process.stderr.write(formatSummary(stats, { backend: backend.name, usesLlm: !localBackends.has(backend.name), elapsedSeconds, interrupted: controller.signal.aborted }));
  }
  if (controller.signal.aborted) throw new IdsExplainError('batch interrupted before the end of the input', { hint: 'Rerun the same command with --resume to finish it' });
}

interface ExtrasOptions {
  options: BatchCommandOptions;
  inputs: string[];
  stats: BatchStats;
  collector: ReportCollector;
  index: AttackIndex;
  backend: string;
}

function writeExtras({ options, inputs, stats, collector, index, backend }: ExtrasOptions): void {
  const alertCount = [...collector.groups.values()].reduce((sum, group) => sum + group.count, 0);
  if (options.navigator) {
    const layers = buildNavigatorLayers({ techniqueCounts: stats.techniqueCounts, index, name: 'ids-explain batch', alertCount });
    writeFileAtomic(options.navigator, `${JSON.stringify(layers.length === 1 ? layers[0] : layers, null, 2)}\n`);
  }
  if (options.report) {
    writeFileAtomic(options.report, renderBatchReport({ collector, stats, index, backend, inputs, generatedAt: new Date() }));
  }
}
