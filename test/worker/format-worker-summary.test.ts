import { describe, expect, it } from 'vitest';
import { BatchStats } from '../../src/batch/batch-stats.js';
import { LlmCallCounts } from '../../src/llm/llm-call-counts.js';
import type { WorkerReport } from '../../src/worker/run-worker.js';
import { formatWorkerSummary } from '../../src/worker/format-worker-summary.js';

function report(): WorkerReport {
  const stats = new BatchStats(0);
  stats.backendCalls = 2;
  const counts = { explained: 2, failed: 1, deadLettered: 0, retried: 0, released: 0, alreadyFinished: 0 };
  return { counts, stats, released: [], endedBy: 'empty' };
}

describe('formatWorkerSummary', () => {
  it('shows every request to the model', () => {
    const llmCalls = Object.assign(new LlmCallCounts(), { sent: 5, succeeded: 3, failed: 2, retries: 2, repairs: 0 });
    const summary = formatWorkerSummary(report(), { consumer: 'w1', backend: 'openai', usesLlm: true, elapsedSeconds: 1, llmCalls });
    expect(summary).toContain('  LLM calls (openai): 5 sent (3 succeeded, 2 failed; 2 retries, 0 repair requests), 2 drafts\n');
  });

  it('shows drafts for a local backend', () => {
    const summary = formatWorkerSummary(report(), { consumer: 'w1', backend: 'offline', usesLlm: false, elapsedSeconds: 1 });
    expect(summary).toContain('  backend calls (offline): 2\n');
  });
});
