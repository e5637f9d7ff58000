import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error the benchmark generator is plain JavaScript without type declarations
import { generateAlerts } from '../../bench/generate-alerts.mjs';
import type { DraftRequest, ExplanationBackend } from '../../src/backends/explanation-backend.js';
import { offlineBackend } from '../../src/backends/offline-backend.js';
import type { RedisClient } from '../../src/worker/connect-redis.js';
import { realAttackIndex, realMapper, repositoryRoot } from '../support/real-attack.js';
import { testClient, uniqueName, useRedisServer } from '../support/redis-server.js';
import { addAlerts, fileLines, pendingCount, resultCounts, resultRecord, runTestWorker, streamEntries, testStreams } from '../support/worker-harness.js';

const redisUrl = useRedisServer();
const stormLines = fileLines(join(repositoryRoot, 'fixtures/batch/18-duplicate-burst-rdp.jsonl'));
let client: RedisClient;

beforeAll(async () => {
  realAttackIndex();
  realMapper();
  client = await testClient(redisUrl());
});

afterAll(async () => {
  await client.close();
});

/** Creates a backend that drafts like the offline one after `delayMs` and counts its calls. */
function countingBackend(name: string, delayMs = 0, fail?: (request: DraftRequest) => boolean) {
  const record = { calls: 0, failures: 0 };
  const backend: ExplanationBackend = {
    name,
    async draft(request) {
      record.calls += 1;
      if (delayMs > 0) await sleep(delayMs, undefined, request.signal ? { signal: request.signal } : undefined);
      if (fail?.(request)) {
        record.failures += 1;
        throw new Error('the model server returned 500');
      }
      return offlineBackend.draft(request);
    },
  };
  return { backend, record };
}

/** Waits until the group has `count` messages pending, delivered to a worker. */
async function waitForPending(names: ReturnType<typeof testStreams>, count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await pendingCount(client, names).catch(() => 0)) < count) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} pending messages`);
    await sleep(20);
  }
}

async function generatedLines(alerts: number, rules: number): Promise<string[]> {
  const path = join(mkdtempSync(join(tmpdir(), 'ids-explain-worker-')), 'queue.jsonl');
  await generateAlerts({ alerts, rules, seed: 5, out: path });
  return fileLines(path);
}

describe('runWorker', () => {
  it('writes exactly one result per message', async () => {
    const names = testStreams();
    const ids = await addAlerts(client, names.stream, [...stormLines, '{"description": "x", "src_ip": }', '']);
    await client.xAdd(names.stream, '*', { other: 'no alert field' });

    const report = await runTestWorker({ url: redisUrl(), names });

    const counts = await resultCounts(client, names);
    expect(counts.size).toBe(ids.length + 1);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(report.counts).toMatchObject({ explained: 50, failed: 3, deadLettered: 0 });
    expect(await pendingCount(client, names)).toBe(0);
  });

  it('names the missing field in the error', async () => {
    const names = testStreams();
    const [id] = await Promise.all([client.xAdd(names.stream, '*', { eve: '{}' })]);

    await runTestWorker({ url: redisUrl(), names });

    const [result] = await streamEntries(client, names.results);
    expect(resultRecord(result!).error).toBe(`${names.stream}#${id}: the message has no "alert" field (its fields: eve). Pass --field NAME to read the alert from another field`);
  });

  it('fills templates from this worker\'s drafts', async () => {
    const names = testStreams();
    await addAlerts(client, names.stream, stormLines);

    const report = await runTestWorker({ url: redisUrl(), names });

    expect(report.stats.explainedBy).toEqual({ backend: 1, template: 49, cache: 0 });
  });

  it('moves a poison message to the dead-letter stream', async () => {
    const names = testStreams();
    const poison = JSON.stringify({ description: 'Poison marker alert that always fails', src_ip: '198.51.100.9', dest_ip: '10.0.0.9' });
    const [poisonId] = await addAlerts(client, names.stream, [poison]);
    await addAlerts(client, names.stream, stormLines.slice(0, 5));
    const { backend, record } = countingBackend('poison-test', 0, (request) => request.alert.description.startsWith('Poison'));

    const report = await runTestWorker({ url: redisUrl(), names, backend, maxDeliveries: 3, claimIdleMs: 200 });

    expect(record.failures).toBe(3);
    expect(report.counts).toMatchObject({ explained: 5, deadLettered: 1, retried: 2 });
    const dead = await streamEntries(client, names.deadLetter);
    expect(dead).toHaveLength(1);
    expect(dead[0]?.fields.get('id')).toBe(poisonId);
    expect(dead[0]?.fields.get('deliveries')).toBe('3');
    expect(dead[0]?.fields.get('error')).toContain('the model server returned 500');
    expect(dead[0]?.fields.get('alert')).toBe(poison);
  });

  it('writes a failed result for a dead letter', async () => {
    const names = testStreams();
    const [poisonId] = await addAlerts(client, names.stream, [JSON.stringify({ description: 'Poison marker alert', src_ip: '198.51.100.9' })]);
    const { backend } = countingBackend('poison-result-test', 0, () => true);

    await runTestWorker({ url: redisUrl(), names, backend, maxDeliveries: 2, claimIdleMs: 100 });

    const results = await streamEntries(client, names.results);
    expect(results).toHaveLength(1);
    expect(resultRecord(results[0]!).status).toBe('failed');
    expect(resultRecord(results[0]!).error).toContain(`${names.stream}#${poisonId}: moved to the dead-letter stream ${names.deadLetter} after 2 deliveries`);
    expect(await pendingCount(client, names)).toBe(0);
  });

  it('dead-letters a message its workers never finished', async () => {
    const names = testStreams();
    const [id] = await addAlerts(client, names.stream, [stormLines[0]!]);
    await client.xGroupCreate(names.stream, names.group, '0');
    await client.sendCommand(['XREADGROUP', 'GROUP', names.group, 'crashed', 'STREAMS', names.stream, '>']);
    await client.sendCommand(['XCLAIM', names.stream, names.group, 'crashed', '0', id!, 'RETRYCOUNT', '3', 'JUSTID']);
    await sleep(150);
    const { backend, record } = countingBackend('crash-test');

    await runTestWorker({ url: redisUrl(), names, backend, maxDeliveries: 3, claimIdleMs: 100 });

    const [dead] = await streamEntries(client, names.deadLetter);
    expect(record.calls).toBe(0);
    expect(dead?.fields.get('deliveries')).toBe('3');
    expect(dead?.fields.get('error')).toContain('none recorded');
  });

  it('claims the messages of a dead consumer', async () => {
    const names = testStreams();
    const ids = await addAlerts(client, names.stream, stormLines.slice(0, 20));
    await client.xGroupCreate(names.stream, names.group, '0');
    await client.sendCommand(['XREADGROUP', 'GROUP', names.group, 'dead-worker', 'COUNT', '8', 'STREAMS', names.stream, '>']);

    const report = await runTestWorker({ url: redisUrl(), names, claimIdleMs: 200 });

    const counts = await resultCounts(client, names);
    expect(counts.size).toBe(ids.length);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(report.counts.explained).toBe(20);
  });

  it('shares one group between two workers', async () => {
    const names = testStreams();
    const ids = await addAlerts(client, names.stream, await generatedLines(3000, 40));

    const reports = await Promise.all(['worker-a', 'worker-b'].map((consumer) => runTestWorker({ url: redisUrl(), names, consumer, claimIdleMs: 2000 })));

    const counts = await resultCounts(client, names);
    expect(counts.size).toBe(ids.length);
    expect([...counts.values()].filter((count) => count !== 1)).toEqual([]);
    const consumers = new Set((await streamEntries(client, names.results)).map((entry) => entry.fields.get('consumer')));
    expect(consumers).toEqual(new Set(['worker-a', 'worker-b']));
    expect(reports[0]!.counts.explained + reports[1]!.counts.explained).toBe(3000);
  });

  it('drafts each template once across workers', async () => {
    const names = testStreams();
    await addAlerts(client, names.stream, await generatedLines(600, 30));
    const cachePrefix = `${uniqueName('explanations')}:`;
    const workers = ['worker-a', 'worker-b', 'worker-c'].map(() => countingBackend('shared-cache-test', 100));

    await Promise.all(workers.map(({ backend }, index) => runTestWorker({ url: redisUrl(), names, consumer: `worker-${index}`, backend, concurrency: 4, cachePrefix })));

    expect(workers.reduce((sum, { record }) => sum + record.calls, 0)).toBe(30);
  });

  it('stops when Redis rejects the results', async () => {
    const names = testStreams();
    await addAlerts(client, names.stream, stormLines.slice(0, 2));
    await client.set(names.results, 'not a stream');

    const running = runTestWorker({ url: redisUrl(), names });

    await expect(running).rejects.toThrow(/stopped because Redis rejected a command: WRONGTYPE/);
    expect(await pendingCount(client, names)).toBe(2);
  });

  it('releases unfinished messages on stop', async () => {
    const names = testStreams();
    const ids = await addAlerts(client, names.stream, stormLines.slice(0, 3));
    const stop = new AbortController();
    const { backend } = countingBackend('hanging-test', 60_000);

    const running = runTestWorker({ url: redisUrl(), names, backend, exitWhenEmpty: false, stopTimeoutMs: 300, stopSignal: stop.signal });
    await waitForPending(names, ids.length);
    stop.abort();
    const report = await running;

    expect(report.released.sort()).toEqual([...ids].sort());
    expect(await streamEntries(client, names.results)).toEqual([]);
    const pending = (await client.sendCommand(['XPENDING', names.stream, names.group, '-', '+', '10'])) as unknown[][];
    expect(pending.map((entry) => entry[3])).toEqual([0, 0, 0]);
  });

  it('lets another worker finish released messages', async () => {
    const names = testStreams();
    const ids = await addAlerts(client, names.stream, stormLines.slice(0, 3));
    const stop = new AbortController();
    const running = runTestWorker({ url: redisUrl(), names, backend: countingBackend('hanging-test', 60_000).backend, exitWhenEmpty: false, stopTimeoutMs: 300, stopSignal: stop.signal });
    await waitForPending(names, ids.length);
    stop.abort();
    await running;

    const report = await runTestWorker({ url: redisUrl(), names, claimIdleMs: 60_000 });

    expect(report.counts.explained).toBe(ids.length);
    expect(await pendingCount(client, names)).toBe(0);
  });
});
