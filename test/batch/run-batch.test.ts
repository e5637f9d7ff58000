import { describe, expect, it } from 'vitest';
import type { AlertSource, SourceItem } from '../../src/batch/alert-source.js';
import type { BatchResult, SinkRecord } from '../../src/batch/batch-record.js';
import type { BatchExplainer } from '../../src/batch/create-batch-explainer.js';
import { runBatch } from '../../src/batch/run-batch.js';

function sourceOf(count: number): AlertSource {
  return {
    async *items() {
      for (let line = 1; line <= count; line += 1) yield { position: { file: 'queue.jsonl', line }, text: '{}' };
    },
    progress: () => ({ bytesRead: 0 }),
  };
}

/** Creates an explainer whose results wait until `release` is called. */
function heldExplainer(backlogged: () => boolean) {
  const waiting: Array<() => void> = [];
  const explain: BatchExplainer = (item: SourceItem) =>
    new Promise<BatchResult>((resolve) => waiting.push(() => resolve({ position: item.position, status: 'failed', error: 'held' })));
  explain.backlogged = backlogged;
  const release = () => {
    for (const resolve of waiting.splice(0)) resolve();
  };
  return { explain, waiting, release };
}

async function runHeld(backlogged: () => boolean) {
  const { explain, waiting, release } = heldExplainer(backlogged);
  const written: SinkRecord[] = [];
  const job = runBatch({ source: sourceOf(100), sink: { write: (record) => void written.push(record), close: async () => {} }, explain, maxPending: 40, maxPendingWhileBacklogged: 10 });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const startedBeforeRelease = waiting.length;
  const timer = setInterval(release, 1);
  await job;
  clearInterval(timer);
  return { startedBeforeRelease, written };
}

describe('runBatch', () => {
  it('reads up to maxPending alerts ahead', async () => {
    const { startedBeforeRelease } = await runHeld(() => false);
    expect(startedBeforeRelease).toBe(40);
  });

  it('reads fewer ahead while the backend is backlogged', async () => {
    const { startedBeforeRelease } = await runHeld(() => true);
    expect(startedBeforeRelease).toBe(10);
  });

  it('still writes every alert while backlogged', async () => {
    const { written } = await runHeld(() => true);
    expect(written).toHaveLength(100);
  });
});
