import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
// @ts-expect-error the benchmark generator is plain JavaScript without type declarations
import { generateAlerts } from '../../bench/generate-alerts.mjs';
import type { RedisClient } from '../../src/worker/connect-redis.js';
import type { StreamNames } from '../../src/worker/stream-names.js';
import { realAttackPath } from './real-attack.js';
import { startCli } from './start-cli.js';
import { pendingCount, resultCounts, streamEntries } from './worker-harness.js';

/** Environment of CLI workers in tests: the real ATT&CK data, and no Redis URL from the caller. */
export const workerEnv = { IDS_EXPLAIN_ATTACK: realAttackPath(), IDS_EXPLAIN_REDIS_URL: undefined };

/**
 * Returns a function that starts the CLI and remembers the process, and kills every process
 * still running after each test, so that a failed test leaves no worker behind.
 */
export function useWorkerProcesses(): (args: string[], env: Record<string, string | undefined>) => ReturnType<typeof startCli> {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return (args, env) => {
    const child = startCli(args, env);
    children.push(child);
    return child;
  };
}

export { waitFor } from './wait-for.js';

/** Writes a seeded queue of `alerts` alerts from `rules` rules and returns its path. */
export async function queueFile(alerts: number, rules: number): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'ids-explain-worker-cli-')), 'queue.jsonl');
  await generateAlerts({ alerts, rules, seed: 9, out: path });
  return path;
}

/** Returns the arguments of `ids-explain worker` on a stream and group, followed by `extra`. */
export function workerArgs(url: string, names: { stream: string; group: string }, ...extra: string[]): string[] {
  return ['worker', '--redis', url, '--stream', names.stream, '--group', names.group, ...extra];
}

/** Checks that every message of the stream has exactly one result and none is pending. */
export async function expectExactlyOnce(client: RedisClient, names: StreamNames, expected: number): Promise<void> {
  const counts = await resultCounts(client, names);
  const messages = await streamEntries(client, names.stream);
  expect(messages).toHaveLength(expected);
  expect(messages.filter((message) => counts.get(message.id) !== 1).map((message) => message.id)).toEqual([]);
  expect(counts.size).toBe(expected);
  expect(await pendingCount(client, names)).toBe(0);
}
