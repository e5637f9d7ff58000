import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExplanationTemplate } from '../../src/batch/explanation-template.js';
import type { ClaimedDraft } from '../../src/batch/shared-template-cache.js';
import { silentLogger } from '../../src/logging/logger.js';
import type { RedisClient } from '../../src/worker/connect-redis.js';
import { createRedisTemplateCache } from '../../src/worker/redis-template-cache.js';
import { goodExplanation } from '../support/eval-builders.js';
import { startRedisServer, testClient, uniqueName, useRedisServer } from '../support/redis-server.js';

const redisUrl = useRedisServer();
const clients: RedisClient[] = [];
const labels = { fingerprint: '0123456789abcdef', backend: 'test', attackRelease: 'test' };

beforeAll(async () => {
  for (let index = 0; index < 3; index += 1) clients.push(await testClient(redisUrl()));
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
});

function template(summary: string): ExplanationTemplate {
  const explanation = goodExplanation();
  return { explanation: { ...explanation, interpretation: { summary } }, literalText: summary };
}

/** Returns a draft function that claims its key, then counts its calls and takes `delayMs`. */
function countingDraft(delayMs: number, summary = 'drafted once') {
  const calls = { count: 0 };
  const draft: ClaimedDraft = async (claim) => {
    if (!(await claim())) return undefined;
    calls.count += 1;
    await sleep(delayMs);
    return template(summary);
  };
  return { calls, draft };
}

function cacheFor(client: RedisClient, prefix: string, lockMs = 5000) {
  return createRedisTemplateCache({ client, prefix, ttlSeconds: 60, lockMs, logger: silentLogger });
}

describe('createRedisTemplateCache', () => {
  it('drafts once for concurrent misses of three processes', async () => {
    const prefix = `${uniqueName('cache')}:`;
    const { calls, draft } = countingDraft(300);

    const obtained = await Promise.all(clients.map((client) => cacheFor(client, prefix).obtain('key-1', labels, draft)));

    expect(calls.count).toBe(1);
    expect(obtained.filter((result) => result.drafted)).toHaveLength(1);
    for (const result of obtained) expect(result.template.explanation.interpretation.summary).toBe('drafted once');
  });

  it('returns a stored template without drafting', async () => {
    const prefix = `${uniqueName('cache')}:`;
    await cacheFor(clients[0]!, prefix).obtain('key-2', labels, countingDraft(0, 'first').draft);
    const { calls, draft } = countingDraft(0, 'second');

    const result = await cacheFor(clients[1]!, prefix).obtain('key-2', labels, draft);

    expect(calls.count).toBe(0);
    expect(result).toEqual({ template: template('first'), drafted: false });
  });

  it('sets the time to live', async () => {
    const prefix = `${uniqueName('cache')}:`;
    await cacheFor(clients[0]!, prefix).obtain('key-3', labels, countingDraft(0).draft);

    const ttl = await clients[0]!.ttl(`${prefix}key-3`);

    expect(ttl).toBeGreaterThan(50);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it('drafts after a dead holder\'s lock expires', async () => {
    const prefix = `${uniqueName('cache')}:`;
    await clients[0]!.set(`${prefix}lock:key-4`, 'a process that died', { expiration: { type: 'PX', value: 400 } });
    const { calls, draft } = countingDraft(0);
    const started = Date.now();

    const result = await cacheFor(clients[1]!, prefix).obtain('key-4', labels, draft);

    expect(result.drafted).toBe(true);
    expect(calls.count).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
  });

  it('renews the lock while a draft runs', async () => {
    const prefix = `${uniqueName('cache')}:`;
    const { calls, draft } = countingDraft(900);

    const first = cacheFor(clients[0]!, prefix, 300).obtain('key-5', labels, draft);
    await sleep(450);
    const second = cacheFor(clients[1]!, prefix, 300).obtain('key-5', labels, draft);
    await Promise.all([first, second]);

    expect(calls.count).toBe(1);
  });

  it('lets another process draft after a failed draft', async () => {
    const prefix = `${uniqueName('cache')}:`;
    const failing = cacheFor(clients[0]!, prefix).obtain('key-6', labels, async (claim) => {
      await claim();
      await sleep(200);
      throw new Error('model request failed');
    });
    await sleep(50);
    const { calls, draft } = countingDraft(0);
    const waiting = cacheFor(clients[1]!, prefix).obtain('key-6', labels, draft);

    await expect(failing).rejects.toThrow('model request failed');
    expect((await waiting).drafted).toBe(true);
    expect(calls.count).toBe(1);
  });

  it('waits outside the slot for another process', async () => {
    const prefix = `${uniqueName('cache')}:`;
    const first = countingDraft(300);
    const second = { claims: 0, calls: 0 };
    const holding = cacheFor(clients[0]!, prefix).obtain('key-8', labels, first.draft);
    await sleep(50);

    const result = await cacheFor(clients[1]!, prefix).obtain('key-8', labels, async (claim) => {
      second.claims += 1;
      if (!(await claim())) return undefined;
      second.calls += 1;
      return template('second');
    });
    await holding;

    expect(second.claims).toBe(1);
    expect(second.calls).toBe(0);
    expect(result).toEqual({ template: template('drafted once'), drafted: false });
  });

  it('drafts alone when Redis fails', async () => {
    const server = await startRedisServer();
    const client: RedisClient = createClient({ url: server.url, socket: { reconnectStrategy: false } });
    client.on('error', () => {});
    await client.connect();
    await server.stop();
    const { calls, draft } = countingDraft(0);

    const result = await cacheFor(client, 'unreachable:').obtain('key-7', labels, draft);

    expect(result.drafted).toBe(true);
    expect(calls.count).toBe(1);
  });
});
