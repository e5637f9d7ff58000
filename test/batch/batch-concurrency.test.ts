import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DraftRequest, ExplanationBackend } from '../../src/backends/explanation-backend.js';
import { offlineBackend } from '../../src/backends/offline-backend.js';
import { createFileSource } from '../../src/batch/create-file-source.js';
import { ExplanationCache } from '../../src/batch/explanation-cache.js';
import { JobStoppedError } from '../../src/batch/job-stopped-error.js';
import { runBatchJob } from '../../src/batch/run-batch-job.js';
import { createSharedBackoff, type SharedBackoff } from '../../src/llm/shared-backoff.js';
import { silentLogger } from '../../src/logging/logger.js';
import { realAttackIndex, realMapper } from '../support/real-attack.js';

/**
 * Creates a backend that drafts like the offline one but takes `delayMs`, as an LLM call
 * does, and records when each draft starts and how many run at once.
 */
function slowBackend(delayMs: number, onStart?: (call: number) => void) {
  const record = { calls: 0, inFlight: 0, maxInFlight: 0, starts: [] as number[] };
  const backend: ExplanationBackend = {
    name: 'slow-offline',
    async draft(request: DraftRequest) {
      record.calls += 1;
      record.starts.push(Date.now());
      onStart?.(record.calls);
      record.inFlight += 1;
      record.maxInFlight = Math.max(record.maxInFlight, record.inFlight);
      await sleep(delayMs);
      record.inFlight -= 1;
      return offlineBackend.draft(request);
    },
  };
  return { backend, record };
}

/**
 * Creates a backend that prepares each draft at once and then sends it through the request's
 * send gate, where it takes `delayMs`, and records how many drafts have started and how many
 * are sending at once.
 */
function gatedBackend(delayMs: number) {
  const record = { calls: 0, started: 0, maxStarted: 0, sending: 0, maxSending: 0 };
  const backend: ExplanationBackend = {
    name: 'gated-offline',
    usesSendGate: true,
    async draft(request: DraftRequest) {
      record.calls += 1;
      record.started += 1;
      record.maxStarted = Math.max(record.maxStarted, record.started);
      const send = async () => {
        record.sending += 1;
        record.maxSending = Math.max(record.maxSending, record.sending);
        await sleep(delayMs);
        record.sending -= 1;
      };
      await (request.sendGate ? request.sendGate(send) : send());
      record.started -= 1;
      return offlineBackend.draft(request);
    },
  };
  return { backend, record };
}

/** Writes `signatures` x `repeats` alerts, the repeats of each signature spread over the file. */
function queueFile(signatures: number, repeats: number): string {
  const names = Array.from({ length: signatures }, (_, index) => `${'abcdefghij'[index % 10]}${'klmnopqrst'[Math.floor(index / 10) % 10]}`);
  const lines: string[] = [];
  for (let repeat = 0; repeat < repeats; repeat += 1) {
    names.forEach((name, index) => {
      lines.push(JSON.stringify({ description: `Suspicious logon pattern ${name} seen on a server`, src_ip: `198.51.100.${repeat + 1}`, dest_ip: `10.0.${index}.5` }));
    });
  }
  const path = join(mkdtempSync(join(tmpdir(), 'ids-explain-concurrency-')), 'queue.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function run(file: string, backend: ExplanationBackend, backoff: SharedBackoff, concurrency: number, skipQueued?: AbortSignal) {
  const cache = new ExplanationCache({ path: '', maxBytes: 1e9, logger: silentLogger });
  const written: unknown[] = [];
  const stats = await runBatchJob({
    source: createFileSource({ inputs: [file] }),
    sink: { write: (record) => void written.push(record), close: async () => {} },
    index: realAttackIndex(),
    mapper: realMapper(),
    backend,
    backoff,
    cache,
    concurrency,
    maxTechniques: 3,
    logger: silentLogger,
    ...(skipQueued ? { skipQueued } : {}),
  });
  cache.close();
  return { stats, written };
}

describe('runBatchJob with a slow backend', () => {
  beforeAll(() => {
    realAttackIndex();
    realMapper();
  });

  it('drafts each signature once at high concurrency', async () => {
    const { backend, record } = slowBackend(100);
    const { stats, written } = await run(queueFile(40, 5), backend, createSharedBackoff(), 8);
    expect(written).toHaveLength(200);
    expect(record.calls).toBe(40);
    expect(stats.backendCalls).toBe(40);
  });

  it('keeps the limiter full but never over', async () => {
    const { backend, record } = slowBackend(100);
    await run(queueFile(40, 5), backend, createSharedBackoff(), 8);
    expect(record.maxInFlight).toBe(8);
  });

  it('sends at most the limit through the send gate', async () => {
    const { backend, record } = gatedBackend(50);
    const { written } = await run(queueFile(40, 5), backend, createSharedBackoff(), 8);
    expect(written).toHaveLength(200);
    expect(record.calls).toBe(40);
    expect(record.maxSending).toBe(8);
  });

  it('prepares drafts ahead while requests are in flight', async () => {
    const { backend, record } = gatedBackend(50);
    await run(queueFile(40, 5), backend, createSharedBackoff(), 8);
    expect(record.maxStarted).toBe(16);
  });

  it('holds every draft back during a shared pause', async () => {
    const backoff = createSharedBackoff();
    let pausedAt = 0;
    const { backend, record } = slowBackend(20, (call) => {
      // The first call acts as if the provider responded 429 with a 300 ms wait.
      if (call === 1) {
        pausedAt = Date.now();
        backoff.pause(300);
      }
    });
    await run(queueFile(12, 2), backend, backoff, 4);
    expect(record.calls).toBe(12);
    const later = record.starts.slice(4);
    for (const start of later) expect(start).toBeGreaterThanOrEqual(pausedAt + 290);
  });

  it('stops drafts that wait for a shared pause', async () => {
    const backoff = createSharedBackoff();
    const stop = new AbortController();
    const backend: ExplanationBackend = {
      name: 'rate-limited-offline',
      usesSendGate: true,
      async draft(request: DraftRequest) {
        // The first request meets a 429 with a wait of a minute, and the job is stopped soon after.
        await request.sendGate!(async () => {
          backoff.pause(60_000);
          setTimeout(() => stop.abort(), 100);
        });
        return offlineBackend.draft(request);
      },
    };

    const error = await run(queueFile(12, 1), backend, backoff, 1, stop.signal).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JobStoppedError);
  });
});
