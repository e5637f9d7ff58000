import type { AttackIndex } from '../../attack/attack-index.js';
import { createBackend } from '../../backends/create-backend.js';
import { resolveBackendName, resolveLlmSettings, type LlmFlags, type LlmSettings } from '../../config/llm-settings.js';
import { userCacheDir } from '../../config/user-dirs.js';
import type { ExplanationBackend } from '../../backends/explanation-backend.js';
import { explanationCachePath } from './cache-command.js';
import { exitCodes, IdsExplainError } from '../../errors/ids-explain-error.js';
import { LlmRequestError } from '../../errors/llm-request-error.js';
import { defaultMaxTechniques } from '../../explain/explain-alert.js';
import { createSharedBackoff, type SharedBackoff } from '../../llm/shared-backoff.js';
import { loadKnowledge, type Knowledge } from '../../runtime/load-knowledge.js';
import type { SinkRecord } from '../../batch/batch-record.js';
import { BatchStats } from '../../batch/batch-stats.js';
import { buildNavigatorLayers } from '../../batch/build-navigator-layer.js';
import { createFileSource, type FileSource } from '../../batch/create-file-source.js';
import { inputLayoutChoices } from '../../batch/detect-layout.js';
import { ExplanationCache } from '../../batch/explanation-cache.js';
import { formatSummary } from '../../batch/format-summary.js';
import { createGroupingSink } from '../../batch/grouping-sink.js';
import { openBatchOutput } from '../../batch/open-batch-output.js';
import { startProgressBar } from '../../batch/progress-bar.js';
import { renderBatchReport } from '../../batch/render-batch-report.js';
import { ReportCollector } from '../../batch/report-collector.js';
import { JobStoppedError } from '../../batch/job-stopped-error.js';
import { runBatchJob } from '../../batch/run-batch-job.js';
import { alertFormatNames } from '../../alert/adapters/alert-format-names.js';
import { InputError } from '../../errors/input-error.js';
import { parseChoiceOption, parseIntegerOption } from '../parse-options.js';
import { checkOutputFile, writeOutputFile } from '../write-output-file.js';
import type { CommandContext } from './explain-command.js';

export interface BatchCommandOptions extends LlmFlags {
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
  examples?: string;
}

/** Backends whose drafts are CPU work in this process; a larger pool would only add waiting. */
export const localBackends = new Set(['offline', 'replay']);

/** Returns the default limiter size: 1 for local backends, 8 for backends that call an LLM. */
export function defaultConcurrency(backend: string): number {
  return localBackends.has(backend) ? 1 : 8;
}

type BatchSettings = ReturnType<typeof settingsFrom>;

function settingsFrom(options: BatchCommandOptions, context: CommandContext) {
  if (!options.out) throw new InputError('missing --out', { hint: 'Pass --out FILE.jsonl, or --out - for standard output' });
  if (options.resume && options.group) {
    throw new InputError('--resume cannot be combined with --group', { hint: 'Group records are written at the end of a job; rerun without --resume (the cache keeps it fast)' });
  }
  const llm: LlmSettings = resolveLlmSettings(context.environment, options);
  const backend = resolveBackendName(options.backend, context.environment, llm);
  // Checked before the job, so that a bad path fails in a second rather than after the last alert.
  if (options.navigator) checkOutputFile('--navigator', options.navigator);
  if (options.report) checkOutputFile('--report', options.report);
  return {
    out: options.out,
    backend,
    llm,
    concurrency: parseIntegerOption('--concurrency', options.concurrency, { min: 1, max: 256 }) ?? defaultConcurrency(backend),
    maxTechniques: parseIntegerOption('--max-techniques', options.maxTechniques, { min: 1, max: 10 }) ?? defaultMaxTechniques,
    cacheBytes: (parseIntegerOption('--cache-size', options.cacheSize, { min: 1, max: 1_000_000 }) ?? 512) * 1024 * 1024,
    layout: parseChoiceOption('--input-layout', options.inputLayout ?? 'auto', inputLayoutChoices) ?? 'auto',
    // Checked here because the parser would otherwise turn every alert into the same failed record.
    inputFormat: parseChoiceOption('--input-format', options.inputFormat, ['auto', ...alertFormatNames]),
  };
}

function openCache(options: BatchCommandOptions, context: CommandContext, maxBytes: number, startedAt: number): ExplanationCache {
  // --no-cache still needs a store for this run's templates: a temporary database, removed at the end.
  const path = options.cache === false ? '' : explanationCachePath(typeof options.cache === 'string' ? options.cache : undefined, context);
  try {
    return new ExplanationCache({ path, maxBytes, logger: context.logger, protectSince: startedAt });
  } catch (error) {
    throw new InputError(`cannot open the explanation cache ${path}: ${(error as Error).message}`, { hint: 'Pass another --cache path, or --no-cache', cause: error });
  }
}

/** The parts of one batch job, created before it runs. */
interface BatchJob {
  stats: BatchStats;
  collector: ReportCollector;
  backend: ExplanationBackend;
  backoff: SharedBackoff;
  source: FileSource;
  knowledge: Knowledge;
  output: Awaited<ReturnType<typeof openBatchOutput>>;
  cache: ExplanationCache;
}

async function prepareJob(inputs: string[], options: BatchCommandOptions, settings: BatchSettings, context: CommandContext): Promise<BatchJob> {
  const stats = new BatchStats();
  const collector = new ReportCollector();
  const backoff = createSharedBackoff();
  // The source comes first, so that its parsing thread starts while this thread loads the backend and ATT&CK.
  const parseThread = { mode: context.environment.IDS_EXPLAIN_PARSE_THREAD ?? 'auto', logger: context.logger, ...(settings.inputFormat ? { format: settings.inputFormat } : {}) };
  const source = createFileSource({ inputs, layout: settings.layout, parseThread });
  // The backend's modules are read from disk while this thread loads ATT&CK.
  const backendReady = createBackend({ name: settings.backend, llm: settings.llm, backoff, calls: stats.llmCalls, cacheDir: userCacheDir(context.environment as Record<string, string | undefined>) });
  backendReady.catch(() => {});
  const knowledge = loadJobKnowledge(options, context);
  const backend = await backendReady;
  const output = await openBatchOutput({
    path: settings.out,
    resume: Boolean(options.resume),
    force: Boolean(options.force),
    inputNames: source.inputNames,
    logger: context.logger,
    onCompletedRecord: (record) => countResumedRecord(stats, collector, record),
    stdout: context.stdout,
  });
  const cache = openCache(options, context, settings.cacheBytes, stats.startedAt);
  return { stats, collector, backend, backoff, source, knowledge, output, cache };
}

/** Loads the ATT&CK index and the mapper for a job, from `--attack` and `--examples` when given. */
export function loadJobKnowledge(options: { attack?: string; examples?: string }, context: CommandContext): Knowledge {
  return loadKnowledge({
    ...(options.attack !== undefined ? { attackPath: options.attack } : {}),
    ...(options.examples !== undefined ? { examplesPath: options.examples } : {}),
    environment: context.environment,
    useCache: true,
    logger: context.logger,
  });
}

function countResumedRecord(stats: BatchStats, collector: ReportCollector, record: SinkRecord): void {
  stats.record(record, true);
  collector.add(record);
}

/** Runs the job until the input ends or SIGINT/SIGTERM arrives; returns whether it was interrupted. */
async function runJob(job: BatchJob, options: BatchCommandOptions, settings: BatchSettings, context: CommandContext): Promise<boolean> {
  const { stats, collector, cache } = job;
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const progress = options.quiet ? undefined : startProgressBar({ stream: process.stderr, source: job.source, stats });
  const sink = options.group ? createGroupingSink(job.output.sink, (record) => stats.record(record)) : job.output.sink;
  try {
    await runBatchJob({
      ...job.knowledge,
      source: job.source,
      sink,
      backend: job.backend,
      backoff: job.backoff,
      cache,
      concurrency: settings.concurrency,
      maxTechniques: settings.maxTechniques,
      ...(settings.inputFormat ? { inputFormat: settings.inputFormat } : {}),
      logger: context.logger,
      stats,
      completed: job.output.completed,
      onRecord: (record) => collector.add(record),
      signal: controller.signal,
      // Alerts queued for a model could hold the job for minutes after Ctrl-C; --resume redoes them.
      skipQueued: controller.signal,
    });
  } catch (error) {
    if (!(error instanceof JobStoppedError)) throw error;
  } finally {
    await job.source.close();
    await sink.close();
    progress?.stop();
    cache.close();
    process.removeListener('SIGINT', interrupt);
    process.removeListener('SIGTERM', interrupt);
  }
  return controller.signal.aborted;
}

/**
 * Runs `ids-explain batch`: explains every alert of the inputs into a JSON Lines file, then
 * writes the requested Navigator layer, report and summary. When interrupted, it throws after
 * writing what was finished, so that the exit code reports the interruption.
 */
export async function runBatchCommand(inputs: string[], options: BatchCommandOptions, context: CommandContext): Promise<void> {
  const settings = settingsFrom(options, context);
  const job = await prepareJob(inputs, options, settings, context);
  const interrupted = await runJob(job, options, settings, context).catch((error: unknown) => {
    throw stoppedByBackend(error);
  });
  writeExtras({ options, inputs, stats: job.stats, collector: job.collector, index: job.knowledge.index, backend: job.backend.name });
  if (!options.quiet) {
    const elapsedSeconds = (Date.now() - job.stats.startedAt) / 1000;
    const usesLlm = !localBackends.has(job.backend.name);
    process.stderr.write(formatSummary(job.stats, { backend: job.backend.name, usesLlm, elapsedSeconds, interrupted }));
  }
  if (interrupted) {
    throw new IdsExplainError('batch interrupted before the end of the input', { hint: 'Rerun the same command with --resume to finish it' });
  }
}

/** Adds to a backend configuration error that the job stopped and how to finish it. */
function stoppedByBackend(error: unknown): unknown {
  if (!(error instanceof LlmRequestError) || error.exitCode !== exitCodes.usage) return error;
  const hint = [error.hint, 'then rerun the same command with --resume to finish the job'].filter(Boolean).join('; ');
  return new IdsExplainError(`batch stopped: ${error.message}`, { exitCode: exitCodes.usage, hint, cause: error });
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
    writeOutputFile('--navigator', options.navigator, `${JSON.stringify(layers.length === 1 ? layers[0] : layers, null, 2)}\n`);
  }
  if (options.report) {
    writeOutputFile('--report', options.report, renderBatchReport({ collector, stats, index, backend, inputs, generatedAt: new Date() }));
  }
}
