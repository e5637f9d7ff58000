// Measures prompt assembly for the LLM backends: time to assemble one prompt and the prompt
// tokens it uses, over the bundled alerts and Sigma rules turned into alerts.
// Usage: npm run build && IDS_EXPLAIN_ATTACK=../shared/attack node bench/prompt-assembly.mjs [sigma-rules.jsonl] [count]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAlert } from '../dist/alert/parse-alert.js';
import { readEnvironment } from '../dist/config/environment.js';
import { screenAlert } from '../dist/injection/screen-alert.js';
import { assemblePrompt } from '../dist/llm/assemble-prompt.js';
import { createTokenCounter } from '../dist/llm/count-tokens.js';
import { loadPromptTemplate } from '../dist/llm/prompt-template.js';
import { silentLogger } from '../dist/logging/logger.js';
import { loadKnowledge } from '../dist/runtime/load-knowledge.js';

const sigmaPath = process.argv[2] ?? '../shared/eval/sigma-rules.jsonl';
const sigmaCount = Number(process.argv[3] ?? 500);

function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

function fixtureAlerts() {
  const files = ['fixtures/alerts/atsvc-remote-task.txt'];
  for (const folder of ['fixtures/alerts/cases', 'fixtures/alerts/injection']) {
    for (const name of readdirSync(folder)) if (!name.endsWith('manifest.json')) files.push(join(folder, name));
  }
  const alerts = [];
  for (const file of files) {
    try {
      alerts.push(parseAlert(readFileSync(file, 'utf8'), { origin: file }));
    } catch {
      // Formats that no adapter reads yet are skipped.
    }
  }
  return alerts;
}

function sigmaAlerts() {
  if (!existsSync(sigmaPath)) return [];
  const lines = readFileSync(sigmaPath, 'utf8').trim().split('\n').slice(0, sigmaCount);
  return lines.map((line) => {
    const rule = JSON.parse(line);
    return parseAlert(JSON.stringify({ title: rule.title, details: rule.description, product: rule.logsource?.product ?? 'sigma', level: rule.level }), { origin: rule.id });
  });
}

const { index, mapper } = loadKnowledge({ environment: readEnvironment(), useCache: true, logger: silentLogger });
const [template, counter] = await Promise.all([loadPromptTemplate(), createTokenCounter('gpt-4o')]);
const alerts = [...fixtureAlerts(), ...sigmaAlerts()];

for (const budget of [3000, 1500]) {
  const times = [];
  const tokens = [];
  let trimmed = 0;
  let over = 0;
  for (const original of alerts) {
    const { alert, findings } = screenAlert(original);
    const mapping = mapper.map(alert, { limit: 10 });
    const started = performance.now();
    const prompt = await assemblePrompt({ template, alert, mapping, index, findings, maxTechniques: 3, tokenBudget: budget, counter });
    times.push(performance.now() - started);
    tokens.push(prompt.promptTokens);
    if (prompt.trimmed.length > 0) trimmed += 1;
    if (prompt.overBudget) over += 1;
  }
  console.log(
    `budget ${budget}: ${alerts.length} alerts; tokens p50 ${percentile(tokens, 0.5)}, p95 ${percentile(tokens, 0.95)}, max ${Math.max(...tokens)}; ` +
      `trimmed ${trimmed}, over budget ${over}; assembly ms p50 ${percentile(times, 0.5).toFixed(1)}, p95 ${percentile(times, 0.95).toFixed(1)}, max ${Math.max(...times).toFixed(1)}`,
  );
}
