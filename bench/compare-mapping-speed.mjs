#!/usr/bin/env node
// Compares the mapping speed of two builds under the same load: loads the mapper of each `dist`
// folder in one process and maps the evaluation rules with each in turn. Prints alerts per CPU
// second of each round. With `--examples N` both mappers also learn from the first N rules of
// the set. Build the other checkout first (`npx tsc -p tsconfig.build.json` there).
//
// usage: node bench/compare-mapping-speed.mjs --before DIST --after DIST [--rounds 4]
//   [--examples N] [--attack DIR] [--set FILE.jsonl]
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    after: { type: 'string', default: resolve('dist') },
    rounds: { type: 'string', default: '4' },
    examples: { type: 'string', default: '0' },
    attack: { type: 'string', default: resolve('../shared/attack') },
    set: { type: 'string', default: resolve('../shared/eval/sigma-rules.jsonl') },
  },
});
if (!values.before) {
  console.error('missing --before DIST: the dist folder of the build to compare against');
  process.exit(2);
}

/** Loads one build's mapper, with the first `--examples` rules as examples, and the evaluation rules as alerts. */
async function loadBuild(dist) {
  const folder = resolve(dist);
  const { loadIndex, openDerivedCache } = await import(`${folder}/runtime/load-knowledge.js`);
  const { createTechniqueMapper } = await import(`${folder}/mapping/create-technique-mapper.js`);
  const { ruleToAlert } = await import(`${folder}/mapping/eval/rule-to-alert.js`);
  const { readLabelledRules } = await import(`${folder}/mapping/examples/read-labelled-rules.js`);
  const { loadMappingKnowledge } = await import(`${folder}/mapping/mapping-knowledge.js`);
  const load = { environment: process.env, useCache: true };
  const index = loadIndex({ ...load, attackPath: values.attack });
  const cache = openDerivedCache(load);
  const knowledge = loadMappingKnowledge(index, cache);
  const rules = readLabelledRules(values.set);
  const examples = rules.slice(0, Number(values.examples));
  return { mapper: createTechniqueMapper({ index, knowledge, cache, examples }), alerts: rules.map(ruleToAlert) };
}

function alertsPerCpuSecond({ mapper, alerts }) {
  const started = process.cpuUsage();
  for (const alert of alerts) mapper.map(alert, { limit: 10 });
  const used = process.cpuUsage(started);
  return Math.round(alerts.length / ((used.user + used.system) / 1e6));
}

const builds = { before: await loadBuild(values.before), after: await loadBuild(values.after) };
// Warm up both, so that the first round does not include compiling the code.
for (const build of Object.values(builds)) for (const alert of build.alerts.slice(0, 300)) build.mapper.map(alert, { limit: 10 });
const results = { before: [], after: [] };
for (let round = 0; round < Number(values.rounds); round += 1) {
  for (const name of ['before', 'after']) results[name].push(alertsPerCpuSecond(builds[name]));
}
console.log(JSON.stringify({ node: process.version, examples: Number(values.examples), loadAverage: loadavg(), alertsPerCpuSecond: results }, null, 2));
