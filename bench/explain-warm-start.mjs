#!/usr/bin/env node
// Measures the wall time of `ids-explain explain` on the bundled alert with a warm cache: one
// run fills a fresh cache folder, then N runs are timed. Run `npm run build` first.
//
// usage: node bench/explain-warm-start.mjs [--attack DIR] [--runs N]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { attack: { type: 'string', default: resolve('../shared/attack') }, runs: { type: 'string', default: '15' } },
});
const cacheDir = mkdtempSync(join(tmpdir(), 'ids-explain-bench-'));
const env = { ...process.env, IDS_EXPLAIN_CACHE_DIR: cacheDir, IDS_EXPLAIN_DATA_DIR: cacheDir };
const args = ['dist/cli/main.js', 'explain', 'fixtures/alerts/atsvc-remote-task.txt', '--attack', values.attack, '--format', 'json'];
try {
  execFileSync(process.execPath, args, { env, stdio: 'ignore' });
  const samples = [];
  for (let run = 0; run < Number(values.runs); run += 1) {
    const started = performance.now();
    execFileSync(process.execPath, args, { env, stdio: 'ignore' });
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const pick = (share) => Math.round(samples[Math.min(samples.length - 1, Math.floor(share * samples.length))]);
  process.stdout.write(`${JSON.stringify({ runs: samples.length, minMs: pick(0), medianMs: pick(0.5), p90Ms: pick(0.9), loadAverage: loadavg().map((value) => Number(value.toFixed(2))) }, null, 2)}\n`);
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
