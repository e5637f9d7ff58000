import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import type { RedisClient } from '../../src/worker/connect-redis.js';
import { InFlightMessages } from '../../src/worker/in-flight-messages.js';
import { parseStreamEntries } from '../../src/worker/parse-stream-entries.js';
import { streamNames, type StreamNames } from '../../src/worker/stream-names.js';
import { StreamOutcomes } from '../../src/worker/stream-outcomes.js';
import { testClient, uniqueName, useRedisServer } from '../support/redis-server.js';

const redisUrl = useRedisServer();
let client: RedisClient;

beforeAll(async () => {
  client = await testClient(redisUrl());
});

afterAll(async () => {
  await client.close();
});

/** Creates a stream with `count` messages, all read by consumer "c1", and its outcomes. */
async function setUp(count: number, consumer = 'c1'): Promise<{ names: StreamNames; ids: string[]; outcomes: StreamOutcomes; inFlight: InFlightMessages }> {
  const names = streamNames({ stream: uniqueName('alerts'), group: 'explainers' });
  await client.xGroupCreate(names.stream, names.group, '0', { MKSTREAM: true });
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) ids.push(await client.xAdd(names.stream, '*', { alert: `alert ${index}`, source: `queue.jsonl:${index + 1}` }));
  await client.sendCommand(['XREADGROUP', 'GROUP', names.group, consumer, 'COUNT', String(count), 'STREAMS', names.stream, '>']);
  const inFlight = new InFlightMessages(100);
  for (const id of ids) inFlight.add(id, 1);
  const outcomes = new StreamOutcomes({ client, names, consumer, inFlight, resultsMaxLength: 0, logger: silentLogger, abandon: new AbortController().signal });
  return { names, ids, outcomes, inFlight };
}

async function entries(stream: string) {
  return parseStreamEntries(await client.sendCommand(['XRANGE', stream, '-', '+']));
}

async function pendingCount(names: StreamNames): Promise<number> {
  const summary = (await client.sendCommand(['XPENDING', names.stream, names.group])) as unknown[];
  return Number(summary[0]);
}

describe('StreamOutcomes', () => {
  it('writes one result per message and acknowledges it', async () => {
    const { names, ids, outcomes } = await setUp(3);

    await outcomes.finish(ids.map((id) => ({ id, status: 'explained', record: `{"id":"${id}"}` })));

    const results = await entries(names.results);
    expect(results.map((entry) => entry.fields.get('id'))).toEqual(ids);
    expect(results.map((entry) => entry.fields.get('record'))).toEqual(ids.map((id) => `{"id":"${id}"}`));
    expect(results[0]?.fields.get('consumer')).toBe('c1');
    expect(await pendingCount(names)).toBe(0);
  });

  it('writes nothing the second time for one message', async () => {
    const { names, ids, outcomes } = await setUp(2);
    const finished = ids.map((id) => ({ id, status: 'explained' as const, record: '{}' }));

    await outcomes.finish(finished);
    await outcomes.finish(finished);

    expect(await entries(names.results)).toHaveLength(2);
    expect(outcomes.counts.explained).toBe(2);
    expect(outcomes.counts.alreadyFinished).toBe(2);
  });

  it('takes finished messages out of flight', async () => {
    const { ids, outcomes, inFlight } = await setUp(2);

    await outcomes.finish([{ id: ids[0]!, status: 'failed', record: '{}' }]);

    expect(inFlight.has(ids[0]!)).toBe(false);
    expect(inFlight.has(ids[1]!)).toBe(true);
  });

  it('moves a message to the dead-letter stream', async () => {
    const { names, ids, outcomes } = await setUp(1);
    await outcomes.retryLater(ids[0]!, 'first failure');

    await outcomes.deadLetter({ file: names.stream, messageId: ids[0]! }, 3, 'model request failed: 500');

    const [dead] = await entries(names.deadLetter);
    expect(Object.fromEntries(dead!.fields)).toEqual({
      id: ids[0],
      deliveries: '3',
      error: 'model request failed: 500',
      consumer: 'c1',
      group: names.group,
      alert: 'alert 0',
      source: 'queue.jsonl:1',
    });
  });

  it('writes a failed result for a dead letter', async () => {
    const { names, ids, outcomes } = await setUp(1);

    await outcomes.deadLetter({ file: names.stream, messageId: ids[0]! }, 3, 'model request failed: 500', 'abcdef0123456789');

    const [result] = await entries(names.results);
    expect(result?.fields.get('status')).toBe('failed');
    expect(JSON.parse(result!.fields.get('record')!)).toEqual({
      position: { file: names.stream, messageId: ids[0] },
      status: 'failed',
      error: `${names.stream}#${ids[0]}: moved to the dead-letter stream ${names.deadLetter} after 3 deliveries. Last error: model request failed: 500`,
      fingerprint: 'abcdef0123456789',
    });
    expect(await pendingCount(names)).toBe(0);
    expect(await client.hLen(names.failures)).toBe(0);
  });

  it('keeps the last error for a later delivery', async () => {
    const { ids, outcomes, inFlight } = await setUp(1);

    await outcomes.retryLater(ids[0]!, 'timed out');

    expect(await outcomes.lastFailure(ids[0]!)).toBe('timed out');
    expect(inFlight.size).toBe(0);
  });

  it('releases a message for an immediate claim', async () => {
    const { names, ids, outcomes, inFlight } = await setUp(1);

    const released = await outcomes.release(inFlight.list());
    const claim = (await client.sendCommand(['XAUTOCLAIM', names.stream, names.group, 'c2', '3600000', '0-0'])) as unknown[];

    expect(released).toBe(1);
    expect(parseStreamEntries(claim[1]).map((entry) => entry.id)).toEqual(ids);
    const [pending] = (await client.sendCommand(['XPENDING', names.stream, names.group, '-', '+', '1'])) as unknown[][];
    expect(pending?.[3]).toBe(1);
  });

  it('reports messages another worker took', async () => {
    const { names, ids, outcomes } = await setUp(2);
    await client.sendCommand(['XCLAIM', names.stream, names.group, 'c2', '0', ids[1]!, 'JUSTID']);

    expect(await outcomes.keepAlive(ids)).toEqual([ids[1]]);
  });

  it('leaves the group only without pending messages', async () => {
    const { ids, outcomes } = await setUp(1);

    const whilePending = await outcomes.leaveGroup();
    await outcomes.finish([{ id: ids[0]!, status: 'explained', record: '{}' }]);
    const afterwards = await outcomes.leaveGroup();

    expect(whilePending).toBe(false);
    expect(afterwards).toBe(true);
  });
});
