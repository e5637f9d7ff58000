// Measures format detection and full parsing per input format, on the sample files in
// fixtures/alerts/formats and a few harder inputs. Run after `npm run build`:
//   node bench/parse-formats.mjs [--iterations N]
// Prints a Markdown table of median and 95th-percentile times per call, in microseconds.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alertAdapters } from '../dist/alert/adapters/alert-adapters.js';
import { createAlertInput } from '../dist/alert/alert-input.js';
import { detectAdapter } from '../dist/alert/detect-adapter.js';
import { parseAlert } from '../dist/alert/parse-alert.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const iterationsArgument = process.argv.indexOf('--iterations');
const iterations = iterationsArgument === -1 ? 2000 : Number(process.argv[iterationsArgument + 1]);
const referenceTime = new Date('2026-03-20T12:00:00Z');

function samples() {
  const folder = join(root, 'fixtures/alerts/formats');
  const list = readdirSync(folder).sort().map((file) => ({ name: file, text: readFileSync(join(folder, file), 'utf8') }));
  const eve = JSON.parse(readFileSync(join(folder, 'suricata-eve.json'), 'utf8'));
  list.push({ name: 'suricata-eve with a 40 KB payload', text: JSON.stringify({ ...eve, payload: 'QUJD'.repeat(10_000) }) });
  list.push({ name: 'EVE in syslog, cut (case 15)', text: readFileSync(join(root, 'fixtures/alerts/cases/15-truncated-eve-syslog.txt'), 'utf8') });
  list.push({ name: 'no format (error path)', text: 'nothing here looks like an alert\n'.repeat(20) });
  return list;
}

function time(run) {
  for (let warmup = 0; warmup < Math.min(200, iterations); warmup += 1) run();
  const durations = new Float64Array(iterations);
  for (let i = 0; i < iterations; i += 1) {
    const start = process.hrtime.bigint();
    run();
    durations[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  durations.sort();
  return { median: durations[Math.floor(iterations / 2)], p95: durations[Math.floor(iterations * 0.95)] };
}

function parseOrError(text) {
  try {
    return parseAlert(text, { origin: 'bench', referenceTime }).format;
  } catch {
    return 'error';
  }
}

console.log(`Node ${process.version}, ${iterations} calls per row after warm-up; times in microseconds per call.\n`);
console.log('| input | bytes | detected as | detect median | detect p95 | parse median | parse p95 |');
console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: |');
for (const { name, text } of samples()) {
  const detect = time(() => detectAdapter(createAlertInput(text, 'bench', referenceTime), alertAdapters));
  const parse = time(() => parseOrError(text));
  const format = parseOrError(text);
  const cells = [name, Buffer.byteLength(text), format, detect.median, detect.p95, parse.median, parse.p95];
  console.log(`| ${cells.map((cell) => (typeof cell === 'number' && !Number.isInteger(cell) ? cell.toFixed(1) : cell)).join(' | ')} |`);
}
