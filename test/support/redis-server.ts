import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createClient } from 'redis';
import type { RedisClient } from '../../src/worker/connect-redis.js';

/** A redis-server process that a test started on 127.0.0.1, with its data folder. */
export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server with SIGTERM and deletes its data folder. */
  stop(): Promise<void>;
  /** Ends the server with SIGKILL, as a crash would. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and data folder. */
  restart(): Promise<void>;
}

export interface RedisServerOptions {
  /** Keep an append-only file synced on every write, so that a SIGKILL loses nothing acknowledged. */
  durable?: boolean;
}

/** Returns a TCP port of 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('could not read the port of a test socket');
  return address.port;
}

function launch(port: number, folder: string, durable: boolean): Promise<ChildProcess> {
  const persistence = durable ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', folder, '--save', '', '--daemonize', 'no', ...persistence];
  const child = spawn(process.env.IDS_EXPLAIN_TEST_REDIS_SERVER ?? 'redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server did not start on port ${port} within 10 s:\n${output}`));
    }, 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!/Ready to accept connections/.test(output)) return;
      clearTimeout(timer);
      child.stdout?.removeListener('data', onData);
      child.stdout?.resume();
      resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start redis-server (${error.message}); install it with "apt-get install redis-server", or set IDS_EXPLAIN_TEST_REDIS_URL`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with code ${code} before it was ready:\n${output}`));
    });
  });
}

function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts a redis-server of its own on a free port of 127.0.0.1, with a new data folder, for
 * tests that stop or restart the server. Throws when redis-server is missing or does not start.
 */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const folder = mkdtempSync(join(tmpdir(), 'ids-explain-redis-'));
  const port = await freePort();
  let child = await launch(port, folder, Boolean(options.durable));
  const stopWith = async (signal: NodeJS.Signals) => {
    child.kill(signal);
    await ended(child);
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      await stopWith('SIGTERM');
      rmSync(folder, { recursive: true, force: true });
    },
    kill: () => stopWith('SIGKILL'),
    restart: async () => {
      child = await launch(port, folder, Boolean(options.durable));
    },
  };
}

/**
 * Provides a Redis URL to the tests of a file: IDS_EXPLAIN_TEST_REDIS_URL when CI set it, else
 * a server started for the file and stopped after it. Tests share the server, so each one
 * uses keys of its own (see uniqueName).
 */
export function useRedisServer(): () => string {
  let server: RedisServer | undefined;
  const shared = process.env.IDS_EXPLAIN_TEST_REDIS_URL;
  beforeAll(async () => {
    if (!shared) server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    const url = shared ?? server?.url;
    if (!url) throw new Error('the Redis test server starts in beforeAll; call the getter inside a test');
    return url;
  };
}

let counter = 0;

/** Returns a key name that no other test uses, such as "alerts-4821-mx9a3w2f-3". */
export function uniqueName(base: string): string {
  counter += 1;
  return `${base}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/** Connects a plain client for a test's own checks; the caller closes it. */
export async function testClient(url: string): Promise<RedisClient> {
  const client: RedisClient = createClient({ url, socket: { reconnectStrategy: 100 } });
  client.on('error', () => {});
  await client.connect();
  return client;
}
