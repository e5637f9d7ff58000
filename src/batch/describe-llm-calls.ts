import type { LlmCallCounts } from '../llm/llm-call-counts.js';

/**
 * Returns the requests sent to a model server in words, for the summary and the report, such
 * as "12 sent (10 succeeded, 2 failed; 2 retries, 1 repair request)".
 */
export function describeLlmCalls(calls: LlmCallCounts): string {
  const count = (value: number) => value.toLocaleString('en-US');
  const retries = `${count(calls.retries)} ${calls.retries === 1 ? 'retry' : 'retries'}`;
  const repairs = `${count(calls.repairs)} repair request${calls.repairs === 1 ? '' : 's'}`;
  return `${count(calls.sent)} sent (${count(calls.succeeded)} succeeded, ${count(calls.failed)} failed; ${retries}, ${repairs})`;
}
