// Measures the injection detector: how many ordinary Sigma rule texts it flags (false
// positives) and how long screening one alert takes, plus how many hostile fixtures it catches.
// Usage: npm run build && node bench/injection-screening.mjs [sigma-rules.jsonl]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAlert } from '../dist/alert/parse-alert.js';
import { detectInstructions } from '../dist/injection/detect-instructions.js';
import { screenAlert } from '../dist/injection/screen-alert.js';

const sigmaPath = process.argv[2] ?? '../shared/eval/sigma-rules.jsonl';

if (existsSync(sigmaPath)) {
  const rules = readFileSync(sigmaPath, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  const values = rules.flatMap((rule) => [rule.title, rule.description].filter(Boolean));
  const started = performance.now();
  const flagged = values.filter((value) => detectInstructions(value).flagged);
  const elapsed = performance.now() - started;
  console.log(`sigma texts: ${values.length} scanned, ${flagged.length} flagged, ${((elapsed / values.length) * 1000).toFixed(0)} µs per text`);
  for (const value of flagged) console.log(`  flagged: ${value.slice(0, 120)}`);
}

const folder = 'fixtures/alerts/injection';
const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
let caught = 0;
const times = [];
for (const fixture of manifest) {
  const alert = parseAlert(readFileSync(join(folder, fixture.file), 'utf8'), { origin: fixture.file });
  const started = performance.now();
  const { findings } = screenAlert(alert);
  times.push(performance.now() - started);
  const found = findings.map((finding) => finding.field).sort().join(',');
  if (found === [...fixture.fields].sort().join(',')) caught += 1;
  else console.log(`  missed or extra: ${fixture.file}: found ${found || 'nothing'}`);
}
times.sort((a, b) => a - b);
console.log(`hostile fixtures: ${caught} of ${manifest.length} caught exactly; screening ms median ${times[Math.floor(times.length / 2)].toFixed(2)}, max ${times.at(-1).toFixed(2)}`);
