import { describe, expect, it } from 'vitest';
import { BatchStats } from '../../src/batch/batch-stats.js';
import { formatSummary } from '../../src/batch/format-summary.js';

describe('formatSummary', () => {
  it('shows escape sequences in failure reasons as text', () => {
    const stats = new BatchStats(0);
    stats.failureCounts.set('alerts.jsonl:3: no description (fields: \u001b]0;owned\u0007title)', 2);
    const summary = formatSummary(stats, { backend: 'offline', usesLlm: false, elapsedSeconds: 1 });
    expect(summary).not.toContain('\u001b');
    expect(summary).toContain('failed 2x: alerts.jsonl:3: no description (fields: \\u001b]0;owned\\u0007title)');
  });

  it('keeps each failure reason on one line', () => {
    const stats = new BatchStats(0);
    stats.failureCounts.set('bad\nwarn: forged line', 1);
    const summary = formatSummary(stats, { backend: 'offline', usesLlm: false, elapsedSeconds: 1 });
    expect(summary).toContain('failed 1x: bad\\u000awarn: forged line');
  });
});

describe('formatSummary LLM calls', () => {
  it('shows sent, failed and retried requests', () => {
    const stats = new BatchStats(0);
    Object.assign(stats.llmCalls, { sent: 1200, succeeded: 1100, failed: 100, retries: 90, repairs: 1 });
    stats.backendCalls = 1000;
    const summary = formatSummary(stats, { backend: 'openai', usesLlm: true, elapsedSeconds: 1 });
    expect(summary).toContain('  LLM calls (openai): 1,200 sent (1,100 succeeded, 100 failed; 90 retries, 1 repair request), 1,000 drafts\n');
  });

  it('shows drafts only for local backends', () => {
    const stats = new BatchStats(0);
    stats.backendCalls = 3;
    const summary = formatSummary(stats, { backend: 'offline', usesLlm: false, elapsedSeconds: 1 });
    expect(summary).toContain('  backend calls (offline): 3\n');
  });
});
