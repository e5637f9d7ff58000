#!/usr/bin/env node
// Measures the wall time of `ids-explain explain` on the reference alert: cold (empty cache, so
// the 33 MB bundle is parsed and indexed) and warm (compact index and search index cached).
// Usage: node bench/start-time.mjs [--runs N] [--attack PATH]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    attack: { type: 'string', default: process.env.IDS_EXPLAIN_TEST_ATTACK ?? resolve('../shared/attack') },
  },
});
const runs = Number(values.runs);
const cli = resolve('dist/cli/main.js');
const alert = resolve('fixtures/alerts/atsvc-remote-task.txt');

function timeOnce(cacheDir) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [cli, 'explain', alert, '--attack', values.attack], {
    env: { ...process.env, IDS_EXPLAIN_CACHE_DIR: cacheDir },
    encoding: 'utf8',
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`explain failed: ${result.stderr}`);
  return elapsed;
}

function summarise(label, samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `| ${label} | ${runs} | ${pick(0.5).toFixed(0)} | ${sorted[0].toFixed(0)} | ${pick(0.9).toFixed(0)} |`;
}

const cold = [];
for (let run = 0; run < runs; run += 1) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'ids-explain-bench-'));
  cold.push(timeOnce(cacheDir));
  rmSync(cacheDir, { recursive: true, force: true });
}

const warmCache = mkdtempSync(join(tmpdir(), 'ids-explain-bench-'));
timeOnce(warmCache);
const warm = [];
for (let run = 0; run < runs; run += 1) warm.push(timeOnce(warmCache));
rmSync(warmCache, { recursive: true, force: true });

console.log('| start | runs | median ms | min ms | p90 ms |');
console.log('|---|---|---|---|---|');
console.log(summarise('cold (empty cache)', cold));
console.log(summarise('warm (cached index)', warm));
