import { describeLlmCalls } from '../batch/describe-llm-calls.js';
import type { LlmCallCounts } from '../llm/llm-call-counts.js';
import type { WorkerReport } from './run-worker.js';

function count(value: number): string {
  return value.toLocaleString('en-US');
}

export interface WorkerSummaryContext {
  consumer: string;
  backend: string;
  /** True when the backend calls a language model, so its calls are LLM calls. */
  usesLlm: boolean;
  elapsedSeconds: number;
  /** Requests the backend sent to a model server, when it calls one. */
  llmCalls?: LlmCallCounts;
}

/**
 * Formats the summary a worker prints when it stops: results by status, dead letters,
 * retries, released messages, how explanations were obtained, backend calls and the rate.
 */
export function formatWorkerSummary(report: WorkerReport, context: WorkerSummaryContext): string {
  const { counts, stats } = report;
  const results = counts.explained + counts.failed + counts.deadLettered;
  const rate = context.elapsedSeconds > 0 ? results / context.elapsedSeconds : 0;
  const reason = report.endedBy === 'stop' ? 'on request' : 'with the stream drained';
  const lines = [
    `Worker ${context.consumer} stopped ${reason} after ${context.elapsedSeconds.toFixed(1)} s.`,
    `  results written: ${count(results)} (${count(counts.explained)} explained, ${count(counts.failed)} failed, ${count(counts.deadLettered)} moved to the dead-letter stream)`,
    `  failures left for another delivery: ${count(counts.retried)}; finished by another worker first: ${count(counts.alreadyFinished)}; released on stop: ${count(counts.released)}`,
    `  explained by: backend ${count(stats.explainedBy.backend)}, this worker's templates ${count(stats.explainedBy.template)}, cache ${count(stats.explainedBy.cache)}`,
    `  ${context.usesLlm ? 'LLM calls' : 'backend calls'} (${context.backend}): ` +
      (context.llmCalls ? `${describeLlmCalls(context.llmCalls)}, ${count(stats.backendCalls)} drafts` : count(stats.backendCalls)) +
      (stats.promptTokens + stats.completionTokens > 0 ? `, tokens ${count(stats.promptTokens)} prompt + ${count(stats.completionTokens)} completion` : ''),
    `  rate: ${count(Math.round(rate))} results/s`,
  ];
  return `${lines.join('\n')}\n`;
}
