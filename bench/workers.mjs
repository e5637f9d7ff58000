// Queue worker benchmark: pushes a seeded queue of alerts to a Redis stream with
// `ids-explain enqueue`, drains it with 1, 2 and 4 `ids-explain worker` processes sharing one
// consumer group, and reports throughput and the messages lost or duplicated. It starts its own
// redis-server on a free port of 127.0.0.1 (append-only file, fsync every second) and, for
// --backend openai, the OpenAI-compatible server of bench/openai-compatible-server.mjs.
// Usage: npm run build && node bench/workers.mjs [--alerts 50000] [--rules 300] [--workers 1,2,4]
//          [--backend offline|openai] [--delay 200] [--concurrency 16]
// Needs IDS_EXPLAIN_ATTACK, redis-server on the PATH and GNU time at /usr/bin/time.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createClient } from 'redis';
import { generateAlerts } from './generate-alerts.mjs';
import { startOpenAiCompatibleServer } from './openai-compatible-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli/main.js');
const { values } = parseArgs({
  options: {
    alerts: { type: 'string', default: '50000' },
    rules: { type: 'string', default: '300' },
    seed: { type: 'string', default: '7' },
    workers: { type: 'string', default: '1,2,4' },
    backend: { type: 'string', default: 'offline' },
    delay: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '16' },
  },
});

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRedis() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ids-explain-bench-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec'];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`redis-server exited with code ${code}:\n${output}`)));
  });
  child.stdout.resume();
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `redis://127.0.0.1:${port}`, stop };
}

/** Runs a command to its end; resolves with its exit code and standard error. */
function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** Reads a whole stream page by page and passes each entry's fields to `visit`. */
async function scan(client, stream, visit) {
  let start = '-';
  for (;;) {
    const page = await client.sendCommand(['XRANGE', stream, start, '+', 'COUNT', '5000']);
    for (const [id, fields] of page) visit(id, fields);
    if (page.length < 5000) return;
    start = `(${page.at(-1)[0]}`;
  }
}

/** Compares the input stream with the results: lost, duplicated, first and last result times. */
async function verify(client) {
  const results = new Map();
  let firstMs = Infinity;
  let lastMs = 0;
  let total = 0;
  await scan(client, 'alerts:results', (id, fields) => {
    const source = fields[fields.indexOf('id') + 1];
    results.set(source, (results.get(source) ?? 0) + 1);
    total += 1;
    const ms = Number(id.split('-')[0]);
    firstMs = Math.min(firstMs, ms);
    lastMs = Math.max(lastMs, ms);
  });
  let lost = 0;
  await scan(client, 'alerts', (id) => {
    if (!results.has(id)) lost += 1;
  });
  const pending = Number((await client.sendCommand(['XPENDING', 'alerts', 'bench']))[0]);
  const deadLetters = await client.xLen('alerts:dead');
  return { results: total, lost, duplicated: total - results.size, pending, deadLetters, firstMs, lastMs };
}

/** Returns the CPU time that the Redis server has used so far, user and system, in seconds. */
async function redisCpuSeconds(client) {
  const info = await client.info('cpu');
  const seconds = (name) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return seconds('used_cpu_user') + seconds('used_cpu_sys');
}

async function runWorkers(count, redisUrl, model) {
  const backendArgs = model ? ['--backend', 'openai', '--model', 'bench-model', '--concurrency', values.concurrency] : [];
  const env = { ...process.env, ...(model ? { OPENAI_BASE_URL: model.baseUrl, OPENAI_API_KEY: 'sk-bench-local' } : {}) };
  const started = process.hrtime.bigint();
  const workers = Array.from({ length: count }, (_, index) => {
    const args = ['-f', '%M %U %S', process.execPath, cli, 'worker', '--redis', redisUrl, '--stream', 'alerts', '--group', 'bench', '--consumer', `bench-${index + 1}`, '--exit-when-empty', '--quiet', ...backendArgs];
    return run('/usr/bin/time', args, env);
  });
  const exits = await Promise.all(workers);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  for (const exit of exits) if (exit.code !== 0) throw new Error(`a worker failed:\n${exit.stderr}`);
  const usage = exits.map((exit) => exit.stderr.trim().split('\n').at(-1).split(' ').map(Number));
  const cpuSeconds = usage.reduce((sum, [, user, system]) => sum + user + system, 0);
  return { seconds, cpuSeconds, peakRssMegabytes: Math.round(Math.max(...usage.map(([peakKb]) => peakKb)) / 1024) };
}

async function measure(count, input, redis, model) {
  const client = createClient({ url: redis.url });
  await client.connect();
  await client.flushAll();
  const enqueue = await run(process.execPath, [cli, 'enqueue', input, '--redis', redis.url, '--stream', 'alerts', '--quiet'], process.env);
  if (enqueue.code !== 0) throw new Error(`enqueue failed:\n${enqueue.stderr}`);

  const callsBefore = model?.counts.requests ?? 0;
  const redisCpuBefore = await redisCpuSeconds(client);
  const loadBefore = loadavg()[0];
  const workers = await runWorkers(count, redis.url, model);

  const check = await verify(client);
  // Memory in use with the input, the results and the cache still stored.
  const memory = /used_memory:(\d+)/.exec(await client.info('memory'))?.[1];
  const redisCpu = (await redisCpuSeconds(client)) - redisCpuBefore;
  await client.close();
  const alerts = Number(values.alerts);
  return {
    workers: count,
    backend: values.backend,
    alerts,
    wallSeconds: +workers.seconds.toFixed(2),
    alertsPerSecond: Math.round(alerts / workers.seconds),
    firstToLastResultSeconds: +((check.lastMs - check.firstMs) / 1000).toFixed(2),
    workerCpuSeconds: +workers.cpuSeconds.toFixed(1),
    alertsPerCpuSecond: Math.round(alerts / workers.cpuSeconds),
    ...(model ? { llmCalls: model.counts.requests - callsBefore } : {}),
    results: check.results,
    lost: check.lost,
    duplicated: check.duplicated,
    pendingAfter: check.pending,
    deadLetters: check.deadLetters,
    workerPeakRssMegabytes: workers.peakRssMegabytes,
    redisCpuSeconds: +redisCpu.toFixed(1),
    redisMemoryAfterMegabytes: Math.round(Number(memory) / 1e6),
    loadAverageBefore: +loadBefore.toFixed(2),
    loadAverageAfter: +loadavg()[0].toFixed(2),
  };
}

const resultsDir = join(root, 'bench/results');
mkdirSync(resultsDir, { recursive: true });
const input = join(resultsDir, `alerts-${values.alerts}-${values.rules}-${values.seed}.jsonl`);
if (!existsSync(input)) await generateAlerts({ alerts: Number(values.alerts), rules: Number(values.rules), seed: Number(values.seed), out: input });
const redis = await startRedis();
const model = values.backend === 'openai' ? await startOpenAiCompatibleServer({ delayMs: Number(values.delay) }) : undefined;
const runs = [];
try {
  for (const count of values.workers.split(',').map(Number)) {
    const result = await measure(count, input, redis, model);
    runs.push(result);
    process.stderr.write(`${JSON.stringify(result)}\n`);
  }
} finally {
  await model?.close();
  await redis.stop();
}
const command = `node bench/workers.mjs --alerts ${values.alerts} --rules ${values.rules} --workers ${values.workers} --backend ${values.backend}${model ? ` --delay ${values.delay} --concurrency ${values.concurrency}` : ''}`;
const report = { command, node: process.version, date: new Date().toISOString(), runs };
writeFileSync(join(resultsDir, `workers-${values.backend}.json`), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
