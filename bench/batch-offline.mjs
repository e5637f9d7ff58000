// Offline batch benchmark: explains a seeded queue of alerts end to end (read, parse, explain,
// write) with the built CLI and reports alerts per second and peak resident memory.
// Usage: npm run build && node bench/batch-offline.mjs [--alerts 100000] [--rules 300]
// Needs IDS_EXPLAIN_ATTACK (or --attack) and GNU time at /usr/bin/time for the peak RSS.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateAlerts } from './generate-alerts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { alerts: { type: 'string', default: '100000' }, rules: { type: 'string', default: '300' }, seed: { type: 'string', default: '7' }, attack: { type: 'string' } } });
const results = join(root, 'bench/results');
mkdirSync(results, { recursive: true });
const input = join(results, `alerts-${values.alerts}-${values.rules}-${values.seed}.jsonl`);
if (!existsSync(input)) await generateAlerts({ alerts: Number(values.alerts), rules: Number(values.rules), seed: Number(values.seed), out: input });
const output = join(results, 'batch-offline-out.jsonl');
rmSync(output, { force: true });

const args = [join(root, 'dist/cli/main.js'), 'batch', input, '--out', output, '--no-cache', '--quiet', ...(values.attack ? ['--attack', values.attack] : [])];
const loadBefore = loadavg()[0];
const started = process.hrtime.bigint();
const child = spawn('/usr/bin/time', ['-f', '%M %U %S', process.execPath, ...args], { stdio: ['ignore', 'inherit', 'pipe'] });
let stderr = '';
child.stderr.on('data', (chunk) => (stderr += chunk));
const code = await new Promise((resolve) => child.on('close', resolve));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
if (code !== 0) {
  process.stderr.write(stderr);
  process.exit(1);
}
const [peakKb, user, system] = stderr.trim().split('\n').at(-1).split(' ').map(Number);
const alerts = Number(values.alerts);
const result = {
  command: `node bench/batch-offline.mjs --alerts ${values.alerts} --rules ${values.rules} --seed ${values.seed}`,
  alerts,
  rules: Number(values.rules),
  inputMegabytes: +(statSync(input).size / 1e6).toFixed(1),
  outputMegabytes: +(statSync(output).size / 1e6).toFixed(1),
  wallSeconds: +seconds.toFixed(2),
  alertsPerSecond: Math.round(alerts / seconds),
  peakRssMegabytes: Math.round(peakKb / 1024),
  cpuSeconds: { user, system },
  loadAverageBefore: +loadBefore.toFixed(2),
  loadAverageAfter: +loadavg()[0].toFixed(2),
  node: process.version,
  date: new Date().toISOString(),
};
writeFileSync(join(results, 'batch-offline.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
