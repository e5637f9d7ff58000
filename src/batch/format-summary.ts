import { showControlCharacters } from '../util/show-control-characters.js';
import type { BatchStats } from './batch-stats.js';
import { describeLlmCalls } from './describe-llm-calls.js';

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

export interface SummaryContext {
  backend: string;
  /** True when the backend calls a language model, so its calls are LLM calls. */
  usesLlm: boolean;
  elapsedSeconds: number;
  /** Set when the job stopped early on a signal. */
  interrupted?: boolean;
}

/** Formats the line of backend calls: drafts for local backends; requests, drafts and tokens for an LLM. */
function callsLine(stats: BatchStats, context: SummaryContext): string {
  const tokens = stats.promptTokens + stats.completionTokens > 0 ? `, tokens ${count(stats.promptTokens)} prompt + ${count(stats.completionTokens)} completion` : '';
  const fallbacks = stats.fallbacks > 0 ? `, ${count(stats.fallbacks)} fell back to the offline composer` : '';
  if (!context.usesLlm) return `  backend calls (${context.backend}): ${count(stats.backendCalls)}${tokens}${fallbacks}`;
  return `  LLM calls (${context.backend}): ${describeLlmCalls(stats.llmCalls)}, ${count(stats.backendCalls)} drafts${tokens}${fallbacks}`;
}

/**
 * Formats the end-of-job summary: counts by outcome, reuse, backend or LLM calls and tokens,
 * top techniques, the most frequent failures and the elapsed time.
 */
export function formatSummary(stats: BatchStats, context: SummaryContext): string {
  const rate = context.elapsedSeconds > 0 ? stats.handled / context.elapsedSeconds : 0;
  const lines = [
    context.interrupted ? 'Batch interrupted; rerun with --resume to finish it.' : 'Batch finished.',
    `  alerts: ${count(stats.handled)} in this run (${count(stats.explained)} explained, ${count(stats.failed)} failed)` +
      (stats.resumed > 0 ? `, ${count(stats.resumed)} done by an earlier run` : ''),
    `  explained by: backend ${count(stats.explainedBy.backend)}, this run's templates ${count(stats.explainedBy.template)}, cache ${count(stats.explainedBy.cache)} (cache hit rate ${percent(stats.reuseRate)})`,
    callsLine(stats, context),
  ];
  if (stats.groups > 0) lines.push(`  group records: ${count(stats.groups)}`);
  const top = stats.topTechniques(5);
  if (top.length > 0) lines.push(`  top techniques: ${top.map(([id, alerts]) => `${id} (${count(alerts)})`).join(', ')}`);
  const failures = [...stats.failureCounts].sort((a, b) => b[1] - a[1]).slice(0, 3);
  // Failure reasons quote alert text, which may carry terminal escape sequences.
  for (const [reason, alerts] of failures) lines.push(`  failed ${count(alerts)}x: ${showControlCharacters(reason)}`);
  lines.push(`  elapsed: ${context.elapsedSeconds.toFixed(1)} s, ${count(Math.round(rate))} alerts/s`);
  return `${lines.join('\n')}\n`;
}
