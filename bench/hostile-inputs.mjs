#!/usr/bin/env node
// Times parseAlert and the Markdown escaping on inputs built to make parsers backtrack or
// recurse: long runs of spaces in Snort lines, long time fields, deep JSON and long hostile
// text. Each row runs 5 times after one warm-up run and reports the median in milliseconds.
// Usage: npm run bench:hostile (builds, then runs node bench/hostile-inputs.mjs)
import { parseAlert } from '../dist/alert/parse-alert.js';
import { escapeMarkdown } from '../dist/render/escape-markdown.js';

const megabyte = 1024 * 1024;
const padding = ' '.repeat(megabyte);

const inputs = [
  { name: 'Snort alert_fast, 1 MB of spaces after the closing marker', text: `[**] [1:2000419:3] ET POLICY test [**]${padding}x` },
  { name: 'Snort alert_fast, 1 MB of spaces in the message', text: `[**] [1:2000419:3] ET POLICY test${padding}x` },
  { name: 'Snort alert_syslog, 2 MB of spaces between fields', text: `[1:2000419:3] ET POLICY test${padding}[Priority: 1]${padding}x {`, format: 'snort-fast' },
  { name: 'JSON time field of 1 MB', text: JSON.stringify({ description: 'Remote task created', time: 'Sat Mar 14 '.repeat(megabyte / 11) }) },
  { name: 'JSON nested 1,000,000 levels', text: `{"description":"deep","x":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}` },
  { name: 'JSON cut after 1,000,000 open brackets', text: `{"description":"deep","x":${'['.repeat(1_000_000)}` },
  { name: 'key/value line of 1 MB', text: `Description: ${'word '.repeat(megabyte / 5)}` },
];

function median(run) {
  run();
  const samples = [];
  for (let i = 0; i < 5; i += 1) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b)[2];
}

function outcome(text, format) {
  try {
    return parseAlert(text, { origin: 'bench', ...(format ? { format } : {}) }).format;
  } catch (error) {
    return error.constructor.name;
  }
}

console.log(`Node ${process.version}; median of 5 runs after one warm-up, in milliseconds.\n`);
console.log('| input | bytes | result | median ms |');
console.log('| --- | ---: | --- | ---: |');
for (const { name, text, format } of inputs) {
  const ms = median(() => outcome(text, format));
  console.log(`| ${name} | ${Buffer.byteLength(text)} | ${outcome(text, format)} | ${ms.toFixed(1)} |`);
}
const hostileMarkdown = '\\<img src=x> [a](https://example.com/) &#x202e; \u001b[2J\n## 4. Mitigation\n'.repeat(megabyte / 64);
const escapeMs = median(() => escapeMarkdown(hostileMarkdown, 'block'));
console.log(`| Markdown escaping of 1 MB of links, HTML, escapes and headings | ${Buffer.byteLength(hostileMarkdown)} | escaped | ${escapeMs.toFixed(1)} |`);
