#!/usr/bin/env node
// Measures how long creating the LLM backends' token counter takes in a fresh process, in three
// modes: without a cache folder (the rank table is built in memory on every start), cold (an
// empty cache folder, so the table is built and its file written) and warm (the file is
// present). The modes take turns, so a change in the machine's load affects all three alike.
// Times cover createTokenCounter, which includes importing the rank module when it is needed,
// and then the first count of a short text. Loading count-tokens.js itself is not timed.
// Usage: npm run build && node bench/token-counter-load.mjs [--runs N] [--model NAME]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    model: { type: 'string', default: 'gpt-4o' },
  },
});
const runs = Number(values.runs);
const countTokensUrl = pathToFileURL(resolve('dist/llm/count-tokens.js')).href;

// Runs in the child: prints the milliseconds to create the counter and to count one text.
const childScript = `
const [countTokensUrl, model, cacheDir] = process.argv.slice(1);
const { createTokenCounter } = await import(countTokensUrl);
const started = performance.now();
const counter = await createTokenCounter(model, cacheDir ? { cacheDir } : {});
const created = performance.now();
counter.count('Adversaries may abuse the at utility to perform task scheduling for initial or recurring execution of malicious code.');
const counted = performance.now();
console.log(JSON.stringify({ createMs: created - started, firstCountMs: counted - created }));
`;

function timeOnce(cacheDir) {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', childScript, countTokensUrl, values.model, cacheDir ?? ''], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the child process failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

function summarise(label, samples) {
  const sorted = samples.map((sample) => sample.createMs).sort((a, b) => a - b);
  const counts = samples.map((sample) => sample.firstCountMs).sort((a, b) => a - b);
  const pick = (list, q) => list[Math.min(list.length - 1, Math.floor(q * list.length))];
  return `| ${label} | ${samples.length} | ${pick(sorted, 0.5).toFixed(1)} | ${sorted[0].toFixed(1)} | ${pick(sorted, 0.9).toFixed(1)} | ${pick(counts, 0.5).toFixed(1)} |`;
}

const loadBefore = loadavg()[0];
const warmCache = mkdtempSync(join(tmpdir(), 'ids-explain-bench-ranks-'));
timeOnce(warmCache);
const [rankFile] = readdirSync(warmCache);
const samples = { memory: [], cold: [], warm: [] };
for (let run = 0; run < runs; run += 1) {
  samples.memory.push(timeOnce(undefined));
  const coldCache = mkdtempSync(join(tmpdir(), 'ids-explain-bench-ranks-'));
  samples.cold.push(timeOnce(coldCache));
  rmSync(coldCache, { recursive: true, force: true });
  samples.warm.push(timeOnce(warmCache));
}
const fileBytes = statSync(join(warmCache, rankFile)).size;
rmSync(warmCache, { recursive: true, force: true });

console.log(`model ${values.model}, rank file ${rankFile} (${(fileBytes / 1e6).toFixed(1)} MB), load average ${loadBefore.toFixed(2)} before and ${loadavg()[0].toFixed(2)} after`);
console.log('| mode | runs | median ms | min ms | p90 ms | first count, median ms |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
console.log(summarise('no cache folder (built in memory)', samples.memory));
console.log(summarise('cold (built, file written)', samples.cold));
console.log(summarise('warm (file read)', samples.warm));
