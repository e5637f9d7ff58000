// LLM batch benchmark: 10,000 alerts from 300 fingerprints through the openai backend against
// a local OpenAI-compatible server that answers after 200 ms, at concurrency 16. Reports the
// job's wall time against the ideal 300 x 0.2 s / 16 = 3.75 s and the LLM calls made.
// Usage: npm run build && node bench/batch-llm.mjs [--alerts 10000] [--rules 300] [--concurrency 16]
// The openai backend reads the server address from OPENAI_BASE_URL, as the openai SDK does.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateAlerts } from './generate-alerts.mjs';
import { startOpenAiCompatibleServer } from './openai-compatible-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { alerts: { type: 'string', default: '10000' }, rules: { type: 'string', default: '300' }, seed: { type: 'string', default: '7' }, concurrency: { type: 'string', default: '16' }, delay: { type: 'string', default: '200' } } });
const results = join(root, 'bench/results');
mkdirSync(results, { recursive: true });
const input = join(results, `alerts-${values.alerts}-${values.rules}-${values.seed}.jsonl`);
if (!existsSync(input)) await generateAlerts({ alerts: Number(values.alerts), rules: Number(values.rules), seed: Number(values.seed), out: input });
const output = join(results, 'batch-llm-out.jsonl');
rmSync(output, { force: true });

const server = await startOpenAiCompatibleServer({ delayMs: Number(values.delay) });
const args = [join(root, 'dist/cli/main.js'), 'batch', input, '--out', output, '--backend', 'openai', '--model', 'bench-model', '--concurrency', values.concurrency, '--no-cache'];
const env = { ...process.env, OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'sk-bench-local' };
const loadBefore = loadavg()[0];
const started = process.hrtime.bigint();
const startedAt = performance.now();
const secondsAfterStart = (time) => (time === undefined ? null : +((time - startedAt) / 1000).toFixed(2));
const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
let stderr = '';
child.stderr.on('data', (chunk) => (stderr += chunk));
const code = await new Promise((resolve) => child.on('close', resolve));
const processSeconds = Number(process.hrtime.bigint() - started) / 1e9;
await server.close();
if (code !== 0) {
  process.stderr.write(stderr);
  if (/unknown --backend "openai"/.test(stderr)) process.stderr.write('bench: this build has no openai backend yet; the benchmark runs once it does\n');
  process.exit(1);
}
const jobSeconds = Number(/elapsed: ([\d.]+) s/.exec(stderr)?.[1]);
const ideal = (Number(values.rules) * Number(values.delay)) / 1000 / Number(values.concurrency);
const result = {
  command: `node bench/batch-llm.mjs --alerts ${values.alerts} --rules ${values.rules} --concurrency ${values.concurrency} --delay ${values.delay}`,
  alerts: Number(values.alerts),
  fingerprints: Number(values.rules),
  llmCalls: server.counts.requests,
  jobSeconds,
  processSeconds: +processSeconds.toFixed(2),
  idealSeconds: ideal,
  // When the first and last LLM requests arrived, counted from the start of the process.
  firstRequestSeconds: secondsAfterStart(server.counts.arrivals[0]),
  lastRequestSeconds: secondsAfterStart(server.counts.arrivals.at(-1)),
  ratioToIdeal: +(jobSeconds / ideal).toFixed(2),
  loadAverageBefore: +loadBefore.toFixed(2),
  loadAverageAfter: +loadavg()[0].toFixed(2),
  node: process.version,
  date: new Date().toISOString(),
};
writeFileSync(join(results, 'batch-llm.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
