import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisClient } from '../../src/worker/connect-redis.js';
import { answerFromPrompt } from '../support/model-answers.js';
import { startOpenAiCompatibleServer, type OpenAiCompatibleServer } from '../support/openai-compatible-server.js';
import { testClient, uniqueName, useRedisServer } from '../support/redis-server.js';
import { runCli } from '../support/run-cli.js';
import { expectExactlyOnce, queueFile, useWorkerProcesses, waitFor, workerArgs, workerEnv } from '../support/worker-cli.js';
import { pendingCount, resultRecord, streamEntries, testStreams } from '../support/worker-harness.js';

const redisUrl = useRedisServer();
const startWorker = useWorkerProcesses();
let client: RedisClient;
let model: OpenAiCompatibleServer;

beforeAll(async () => {
  client = await testClient(redisUrl());
  model = await startOpenAiCompatibleServer();
  // Builds the cached ATT&CK and search indexes once, so that workers start in about a second.
  await runCli(['batch', '-', '--out', '-', '--no-cache', '--quiet'], { input: 'Description: warm-up alert\n', env: workerEnv });
});

afterAll(async () => {
  await client.close();
  await model.close();
});

const llmEnv = () => ({ ...workerEnv, OPENAI_BASE_URL: model.baseUrl, OPENAI_API_KEY: 'sk-test-worker' });

/** Backend flags with a model name of its own, so that no cached explanation from an earlier test is used. */
function llmArgs(): string[] {
  return ['--backend', 'openai', '--model', uniqueName('signal-model'), '--retries', '0', '--timeout', '60'];
}

async function enqueue(names: ReturnType<typeof testStreams>, alerts: number, rules: number): Promise<void> {
  const file = await queueFile(alerts, rules);
  await runCli(['enqueue', file, '--redis', redisUrl(), '--stream', names.stream, '--quiet'], { env: workerEnv });
}

describe('ids-explain worker on a stop signal', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('releases unfinished messages on %s', { timeout: 120_000 }, async (signal) => {
    const names = testStreams();
    await enqueue(names, 40, 40);
    model.setResponder(() => ({ hang: true }));
    const worker = startWorker(workerArgs(redisUrl(), names, '--concurrency', '2', '--stop-timeout', '0.3', ...llmArgs()), llmEnv());
    await waitFor('the worker read every message', async () => (await pendingCount(client, names).catch(() => 0)) === 40);
    await waitFor('two drafts are in flight', async () => model.chatRequests().length >= 2);

    worker.kill(signal);
    const result = await worker.result;

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${signal}: reading no more messages`);
    expect(result.stderr).toContain('stopped with 40 unfinished messages, released unacknowledged');
    expect(await client.xLen(names.results)).toBe(0);
    const pending = (await client.sendCommand(['XPENDING', names.stream, names.group, '-', '+', '100'])) as unknown[][];
    expect(pending.filter((entry) => entry[3] !== 0)).toEqual([]);
  });

  it('leaves released messages to the next worker', { timeout: 120_000 }, async () => {
    const names = testStreams();
    await enqueue(names, 40, 40);
    model.setResponder(() => ({ hang: true }));
    const first = startWorker(workerArgs(redisUrl(), names, '--concurrency', '2', '--stop-timeout', '0.3', ...llmArgs()), llmEnv());
    await waitFor('the worker read every message', async () => (await pendingCount(client, names).catch(() => 0)) === 40);
    first.kill('SIGTERM');
    await first.result;

    const second = await runCli(workerArgs(redisUrl(), names, '--exit-when-empty'), { env: workerEnv });

    expect(second.code).toBe(0);
    await expectExactlyOnce(client, names, 40);
  });

  it('finishes messages in flight on stop', { timeout: 120_000 }, async () => {
    const names = testStreams();
    await enqueue(names, 20, 5);
    model.setResponder((request) => ({ content: JSON.stringify(answerFromPrompt(request.body)), delayMs: 1500 }));
    const worker = startWorker(workerArgs(redisUrl(), names, '--concurrency', '8', '--stop-timeout', '30', ...llmArgs()), llmEnv());
    await waitFor('the worker read every message', async () => (await pendingCount(client, names).catch(() => 0)) === 20);
    await waitFor('a draft is in flight', async () => model.chatRequests().length > 0);

    worker.kill('SIGTERM');
    const result = await worker.result;

    expect(result.code).toBe(0);
    expect(result.stderr).toContain('released on stop: 0');
    expect(result.stderr).not.toContain('unfinished messages');
    await expectExactlyOnce(client, names, 20);
  });
});

describe('ids-explain worker with the Redis cache', () => {
  it('drafts each fingerprint once across processes', { timeout: 180_000 }, async () => {
    const names = testStreams();
    model.setResponder((request) => ({ content: JSON.stringify(answerFromPrompt(request.body)), delayMs: 200 }));
    const args = llmArgs();
    const workers = ['one', 'two', 'three'].map((consumer) => startWorker(workerArgs(redisUrl(), names, '--consumer', consumer, '--concurrency', '4', ...args), llmEnv()));
    await waitFor('three consumers joined the group', async () => (await client.xInfoConsumers(names.stream, names.group).catch(() => [])).length === 3);
    const before = model.chatRequests().length;
    await enqueue(names, 900, 30);
    await waitFor('every message has a result', async () => (await client.xLen(names.results)) >= 900, 150_000);
    for (const worker of workers) worker.kill('SIGTERM');
    const results = await Promise.all(workers.map((worker) => worker.result));

    expect(results.map((result) => result.code)).toEqual([0, 0, 0]);
    expect(model.chatRequests().length - before).toBe(30);
    await expectExactlyOnce(client, names, 900);
    const statuses = (await streamEntries(client, names.results)).map((entry) => resultRecord(entry).status);
    expect(statuses.filter((status) => status !== 'explained')).toEqual([]);
  });
});
