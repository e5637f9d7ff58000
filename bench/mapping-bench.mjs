#!/usr/bin/env node
// Measures the technique mapper: cold build from the ATT&CK bundle, build with labelled
// examples, warm load from the cache (against a minisearch index of the same texts), mapping
// throughput on one core and memory. Run `npm run build` first.
//
// usage: node bench/mapping-bench.mjs [--attack DIR] [--set FILE.jsonl] [--examples N] [--seconds S]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { loadAttackIndex } from '../dist/attack/load-attack-index.js';
import { DerivedFileCache } from '../dist/cache/derived-file-cache.js';
import { silentLogger } from '../dist/logging/logger.js';
import { createTechniqueMapper } from '../dist/mapping/create-technique-mapper.js';
import { ruleToAlert } from '../dist/mapping/eval/rule-to-alert.js';
import { readLabelledRules } from '../dist/mapping/examples/read-labelled-rules.js';
import { loadMappingKnowledge } from '../dist/mapping/mapping-knowledge.js';
import { tokenize } from '../dist/mapping/tokenize.js';

const { values } = parseArgs({
  options: {
    attack: { type: 'string', default: resolve('../shared/attack') },
    set: { type: 'string', default: resolve('../shared/eval/sigma-rules.jsonl') },
    examples: { type: 'string', default: '3000' },
    seconds: { type: 'string', default: '5' },
  },
});

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs an action and returns its result with wall time and CPU time (user plus system) in ms. */
function timed(action) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = action();
  const used = process.cpuUsage(cpu);
  return { result, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

function minisearchLoadMs(index) {
  const options = { fields: ['name', 'description', 'procedures', 'analytics'], idField: 'id', tokenize, processTerm: (term) => term };
  const search = new MiniSearch(options);
  search.addAll(
    index.activeTechniques(index.primary.domain).map((technique) => ({
      id: technique.id,
      name: technique.displayName,
      description: technique.description,
      procedures: index.proceduresFor(technique.id).map((procedure) => procedure.text).join('\n'),
      analytics: index.analyticsFor(technique.id).map((analytic) => analytic.text).join('\n'),
    })),
  );
  const json = JSON.stringify(search);
  return median(Array.from({ length: 5 }, () => timed(() => MiniSearch.loadJS(JSON.parse(json), options)).ms));
}

const cacheDir = mkdtempSync(join(tmpdir(), 'ids-explain-bench-'));
try {
  const cache = new DerivedFileCache(cacheDir, silentLogger);
  const stix = timed(() => loadAttackIndex({ attackPath: values.attack, dataDir: cacheDir, cacheDir }));
  const index = stix.result;
  const cold = timed(() => loadMappingKnowledge(index, cache));
  const rules = readLabelledRules(values.set);
  const examples = rules.slice(0, Number(values.examples));
  const withExamples = timed(() => createTechniqueMapper({ index, knowledge: cold.result, examples }));
  const warm = median(Array.from({ length: 7 }, () => timed(() => loadMappingKnowledge(index, cache)).ms));
  const minisearch = minisearchLoadMs(index);

  const alerts = rules.map(ruleToAlert);
  const measureThroughput = (mapper) => {
    for (const alert of alerts.slice(0, 300)) mapper.map(alert);
    let mapped = 0;
    const started = performance.now();
    const cpu = process.cpuUsage();
    while (performance.now() - started < Number(values.seconds) * 500) {
      for (const alert of alerts) mapper.map(alert);
      mapped += alerts.length;
    }
    const used = process.cpuUsage(cpu);
    // Alerts per CPU second is the per-core rate; on a busy machine it stays near the idle
    // figure while the wall-clock rate drops.
    return { perWallSecond: mapped / ((performance.now() - started) / 1000), perCpuSecond: mapped / ((used.user + used.system) / 1e6) };
  };
  const knowledgeOnly = measureThroughput(createTechniqueMapper({ index, knowledge: cold.result }));
  const examplesRate = measureThroughput(withExamples.result);
  const memory = process.memoryUsage();

  const report = {
    node: process.version,
    loadAverage: loadavg().map((value) => Number(value.toFixed(2))),
    stixIndexBuildMs: Math.round(stix.ms),
    stixIndexBuildCpuMs: Math.round(stix.cpuMs),
    mappingIndexBuildMs: Math.round(cold.ms),
    mappingIndexBuildCpuMs: Math.round(cold.cpuMs),
    examplesIndexBuildMs: Math.round(withExamples.ms),
    examplesIndexBuildCpuMs: Math.round(withExamples.cpuMs),
    examples: examples.length,
    warmMappingLoadMs: Number(warm.toFixed(1)),
    minisearchLoadMs: Number(minisearch.toFixed(1)),
    alertsPerWallSecondKnowledgeOnly: Math.round(knowledgeOnly.perWallSecond),
    alertsPerCpuSecondKnowledgeOnly: Math.round(knowledgeOnly.perCpuSecond),
    alertsPerWallSecondWithExamples: Math.round(examplesRate.perWallSecond),
    alertsPerCpuSecondWithExamples: Math.round(examplesRate.perCpuSecond),
    rssMB: Math.round(memory.rss / 1024 / 1024),
    // The peak over the whole run (ru_maxrss); the figure above is only the size at the end.
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    heapUsedMB: Math.round(memory.heapUsed / 1024 / 1024),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
