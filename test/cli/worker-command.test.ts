import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisClient } from '../../src/worker/connect-redis.js';
import { startOpenAiCompatibleServer, type OpenAiCompatibleServer } from '../support/openai-compatible-server.js';
import { repositoryRoot } from '../support/real-attack.js';
import { startRedisServer, testClient, useRedisServer } from '../support/redis-server.js';
import { runCli } from '../support/run-cli.js';
import { expectExactlyOnce, queueFile, useWorkerProcesses, waitFor, workerArgs, workerEnv as env } from '../support/worker-cli.js';
import { pendingCount, resultCounts, resultRecord, streamEntries, testStreams } from '../support/worker-harness.js';

const redisUrl = useRedisServer();
const startWorker = useWorkerProcesses();
const stormFile = join(repositoryRoot, 'fixtures/batch/18-duplicate-burst-rdp.jsonl');
let client: RedisClient;

beforeAll(async () => {
  client = await testClient(redisUrl());
  // Builds the cached ATT&CK and search indexes once, so that workers start in about a second.
  await runCli(['batch', '-', '--out', '-', '--no-cache', '--quiet'], { input: 'Description: warm-up alert\n', env });
});

afterAll(async () => {
  await client.close();
});

describe('ids-explain enqueue', () => {
  it('pushes one message per alert', async () => {
    const names = testStreams();

    const result = await runCli(['enqueue', stormFile, '--redis', redisUrl(), '--stream', names.stream], { env });

    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^Enqueued 50 alerts to stream ${names.stream} at redis://127\\.0\\.0\\.1:\\d+ \\(IDs \\d+-\\d+ to \\d+-\\d+\\)\\.\\n$`));
    const messages = await streamEntries(client, names.stream);
    expect(messages).toHaveLength(50);
    expect(messages[11]?.fields.get('source')).toBe(`${stormFile}:12`);
  });

  it('reads standard input', async () => {
    const names = testStreams();

    const result = await runCli(['enqueue', '-', '--redis', redisUrl(), '--stream', names.stream, '--quiet'], { env, input: 'Description: one\n\nDescription: two\n' });

    expect(result.code).toBe(0);
    const messages = await streamEntries(client, names.stream);
    expect(messages.map((message) => message.fields.get('alert'))).toEqual(['Description: one', 'Description: two']);
  });

  it('rejects a URL without showing its password', async () => {
    const result = await runCli(['enqueue', stormFile, '--redis', 'http://user:s3cret@127.0.0.1:1', '--stream', 'alerts'], { env });

    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ids-explain: invalid Redis URL (scheme "http"). Use redis://[USER:PASSWORD@]HOST:PORT[/DB], or rediss:// for TLS\n');
  });

  it('reports a server that cannot be reached', async () => {
    const result = await runCli(['enqueue', stormFile, '--redis', 'redis://:s3cret@127.0.0.1:1', '--stream', 'alerts', '--log-level', 'error'], { env });

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ids-explain: cannot connect to Redis at redis:\/\/127\.0\.0\.1:1: .+\. Check that the server runs/);
    expect(result.stderr).not.toContain('s3cret');
  });
});

describe('ids-explain worker', () => {
  it('explains the whole stream and exits when empty', async () => {
    const names = testStreams();
    await runCli(['enqueue', stormFile, '--redis', redisUrl(), '--stream', names.stream, '--quiet'], { env });

    const result = await runCli(workerArgs(redisUrl(), names, '--exit-when-empty'), { env });

    expect(result.code).toBe(0);
    expect(result.stderr).toContain('stopped with the stream drained');
    expect(result.stderr).toContain('results written: 50 (50 explained, 0 failed, 0 moved to the dead-letter stream)');
    await expectExactlyOnce(client, names, 50);
  });

  it('rejects a missing group', async () => {
    const result = await runCli(['worker', '--redis', redisUrl(), '--stream', 'alerts'], { env });

    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ids-explain: missing --group. Pass --group NAME\n');
  });

  it('shares one group among three processes', { timeout: 180_000 }, async () => {
    const names = testStreams();
    const workers = ['one', 'two', 'three'].map((consumer) => startWorker(workerArgs(redisUrl(), names, '--consumer', consumer, '--log-level', 'info'), env));
    await waitFor('three consumers joined the group', async () => {
      const consumers = await client.xInfoConsumers(names.stream, names.group).catch(() => []);
      return consumers.length === 3;
    });
    const file = await queueFile(6000, 300);
    await runCli(['enqueue', file, '--redis', redisUrl(), '--stream', names.stream, '--quiet'], { env });
    await waitFor('every message has a result', async () => (await client.xLen(names.results)) >= 6000, 150_000);
    for (const worker of workers) worker.kill('SIGTERM');
    const results = await Promise.all(workers.map((worker) => worker.result));

    expect(results.map((result) => result.code)).toEqual([0, 0, 0]);
    for (const result of results) expect(result.stderr).toContain('stopped on request');
    await expectExactlyOnce(client, names, 6000);
    const byConsumer = new Map<string, number>();
    for (const entry of await streamEntries(client, names.results)) byConsumer.set(entry.fields.get('consumer')!, (byConsumer.get(entry.fields.get('consumer')!) ?? 0) + 1);
    expect([...byConsumer.keys()].sort()).toEqual(['one', 'three', 'two']);
  });
});

describe('ids-explain worker with a model server', () => {
  let model: OpenAiCompatibleServer;

  beforeAll(async () => {
    model = await startOpenAiCompatibleServer({ delayMs: 100 });
  });

  afterAll(async () => {
    await model.close();
  });

  const llmEnv = () => ({ ...env, OPENAI_BASE_URL: model.baseUrl, OPENAI_API_KEY: 'sk-test-worker' });
  const llmArgs = ['--backend', 'openai', '--model', 'test-model', '--retries', '0', '--timeout', '10'];

  it('reclaims the messages of a worker killed with SIGKILL', { timeout: 180_000 }, async () => {
    const names = testStreams();
    const file = await queueFile(1500, 150);
    await runCli(['enqueue', file, '--redis', redisUrl(), '--stream', names.stream, '--quiet'], { env });
    const first = startWorker(workerArgs(redisUrl(), names, '--consumer', 'doomed', '--concurrency', '2', ...llmArgs), llmEnv());
    await waitFor('the first worker wrote results', async () => (await client.xLen(names.results)) >= 20);
    first.kill('SIGKILL');
    const killed = await first.result;
    const orphans = ((await client.sendCommand(['XPENDING', names.stream, names.group, '-', '+', '10000', 'doomed'])) as unknown[][]).map((entry) => String(entry[0]));

    const second = await runCli(workerArgs(redisUrl(), names, '--consumer', 'survivor', '--claim-idle', '1', '--exit-when-empty', '--concurrency', '8', ...llmArgs), { env: llmEnv() });

    expect(killed.signal).toBe('SIGKILL');
    expect(orphans.length).toBeGreaterThan(0);
    expect(second.code).toBe(0);
    await expectExactlyOnce(client, names, 1500);
    const finishers = new Map((await streamEntries(client, names.results)).map((entry) => [entry.fields.get('id')!, entry.fields.get('consumer')]));
    expect(orphans.filter((id) => finishers.get(id) !== 'survivor')).toEqual([]);
  });

  it('moves a poison message to the dead-letter stream', { timeout: 120_000 }, async () => {
    const names = testStreams();
    model.setResponder((request) => (JSON.stringify(request.body).includes('Poison marker') ? { status: 500 } : { content: '{}' }));
    const lines = ['Description: Poison marker alert; Source IP: 198.51.100.7', 'Description: Ordinary alert; Source IP: 198.51.100.8'];
    const file = join(mkdtempSync(join(tmpdir(), 'ids-explain-poison-')), 'queue.txt');
    writeFileSync(file, `${lines.join('\n')}\n`);
    await runCli(['enqueue', file, '--redis', redisUrl(), '--stream', names.stream, '--input-layout', 'lines', '--quiet'], { env });
    const before = model.chatRequests().length;

    const result = await runCli(workerArgs(redisUrl(), names, '--max-deliveries', '3', '--claim-idle', '0.3', '--exit-when-empty', ...llmArgs), { env: llmEnv() });

    const poisonRequests = model.chatRequests().slice(before).filter((request) => JSON.stringify(request.body).includes('Poison marker'));
    expect(result.code).toBe(0);
    expect(poisonRequests).toHaveLength(3);
    const dead = await streamEntries(client, names.deadLetter);
    expect(dead).toHaveLength(1);
    expect(dead[0]?.fields.get('deliveries')).toBe('3');
    expect(dead[0]?.fields.get('error')).toContain('500');
    expect(dead[0]?.fields.get('alert')).toBe(lines[0]);
    await expectExactlyOnce(client, names, 2);
    const statuses = (await streamEntries(client, names.results)).map((entry) => resultRecord(entry).status).sort();
    expect(statuses).toEqual(['explained', 'failed']);
  });
});

describe('ids-explain worker across a Redis restart', () => {
  it('reconnects and loses nothing', { timeout: 180_000 }, async () => {
    const server = await startRedisServer({ durable: true });
    const model = await startOpenAiCompatibleServer({ delayMs: 30 });
    const own = await testClient(server.url);
    try {
      const names = testStreams();
      const file = await queueFile(3000, 300);
      await runCli(['enqueue', file, '--redis', server.url, '--stream', names.stream, '--quiet'], { env });
      const worker = startWorker(
        workerArgs(server.url, names, '--claim-idle', '1', '--exit-when-empty', '--concurrency', '2', '--backend', 'openai', '--model', 'test-model', '--retries', '0'),
        { ...env, OPENAI_BASE_URL: model.baseUrl, OPENAI_API_KEY: 'sk-test-worker' },
      );
      await waitFor('the worker wrote results', async () => (await own.xLen(names.results)) >= 200);
      await server.kill();
      await sleep(1000);
      await server.restart();
      const result = await worker.result;

      expect(result.code).toBe(0);
      expect(result.stderr).toContain('lost the connection to Redis');
      expect(result.stderr).toContain('reconnected to Redis');
      const counts = await resultCounts(own, names);
      expect(counts.size).toBe(3000);
      expect([...counts.values()].filter((count) => count !== 1)).toEqual([]);
      expect(await pendingCount(own, names)).toBe(0);
    } finally {
      await own.close();
      await model.close();
      await server.stop();
    }
  });
});
