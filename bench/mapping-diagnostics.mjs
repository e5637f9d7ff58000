#!/usr/bin/env node
// Diagnoses the technique mapper on a labelled set, for docs/mapping.md. It audits the twin
// grouping of grouped cross-validation. It also measures how much of the gold each candidate
// source can reach, as the parent recall of its own ranking, overall, per tactic and per log
// source. Prints Markdown tables. Run `npm run build` first.
//
// usage: node bench/mapping-diagnostics.mjs [--attack DIR] [--set FILE.jsonl] [--folds K] [--skip-runs]
//   --skip-runs leaves out the three cross-validation runs that compare groupings (about a minute).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadAttackIndex } from '../dist/attack/load-attack-index.js';
import { parentTechniqueId } from '../dist/attack/technique-id.js';
import { alertSearchText } from '../dist/mapping/alert-search-text.js';
import { createTechniqueMapper } from '../dist/mapping/create-technique-mapper.js';
import { assignFolds, groupingCriteria, groupRelatedRules } from '../dist/mapping/eval/group-related-rules.js';
import { ruleToAlert } from '../dist/mapping/eval/rule-to-alert.js';
import { summarizeAccuracy } from '../dist/mapping/eval/summarize-mapping-eval.js';
import { buildExampleSources } from '../dist/mapping/examples/example-sources.js';
import { readLabelledRules } from '../dist/mapping/examples/read-labelled-rules.js';
import { EvidenceGatherer } from '../dist/mapping/gather-evidence.js';
import { loadMappingKnowledge } from '../dist/mapping/mapping-knowledge.js';

const { values } = parseArgs({
  options: {
    attack: { type: 'string', default: resolve('../shared/attack') },
    set: { type: 'string', default: resolve('../shared/eval/sigma-rules.jsonl') },
    folds: { type: 'string', default: '5' },
    'skip-runs': { type: 'boolean', default: false },
  },
});
const folds = Number(values.folds);
const sources = ['lexicon', 'profile', 'neighbours', 'software', 'attackBayes', 'examples', 'exampleTitles', 'exampleBayes'];

const percent = (part, whole) => (whole === 0 ? '-' : (part / whole).toFixed(3));
const table = (header, rows) => [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

/** Resolves gold IDs as `eval mapping` does. Rules with an ID that the release lacks are left out. */
function scoredRules(rules, index) {
  return rules.flatMap((rule, position) => {
    const resolutions = rule.techniques.map((input) => index.resolveTechnique(input));
    if (resolutions.length === 0 || resolutions.some((resolution) => !resolution.technique)) return [];
    const gold = [...new Set(resolutions.map((resolution) => resolution.technique.id))];
    return [{ rule, position, gold, goldParents: [...new Set(gold.map(parentTechniqueId))], tactics: [...new Set(gold.flatMap((id) => index.technique(id)?.tactics ?? []))] }];
  });
}

function groupSizes(groupOf) {
  const sizes = new Map();
  for (const group of groupOf) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  return [...sizes.values()];
}

function groupingRow(name, groupOf) {
  const sizes = groupSizes(groupOf);
  const grouped = sizes.filter((size) => size > 1).reduce((sum, size) => sum + size, 0);
  const large = sizes.filter((size) => size >= 6).reduce((sum, size) => sum + size, 0);
  return [name, sizes.length, grouped, large, Math.max(...sizes)];
}

/** Hierarchical F1 of giving each grouped rule the labels of another rule of its group. */
function twinLabelAgreement(scored, groupOf) {
  const byGroup = new Map();
  for (const item of scored) byGroup.set(groupOf[item.position], [...(byGroup.get(groupOf[item.position]) ?? []), item]);
  const closed = (ids) => new Set(ids.flatMap((id) => [id, parentTechniqueId(id)]));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let rules = 0;
  for (const members of byGroup.values()) {
    if (members.length < 2) continue;
    members.forEach((member, position) => {
      const twin = members[position === 0 ? 1 : 0];
      const gold = closed(member.gold);
      const copied = closed(twin.gold);
      for (const id of copied) gold.has(id) ? (tp += 1) : (fp += 1);
      for (const id of gold) if (!copied.has(id)) fn += 1;
      rules += 1;
    });
  }
  return { rules, hierarchicalF1: (2 * tp) / (2 * tp + fp + fn) };
}

function crossValidate({ rules, scored, index, knowledge, groupOf }) {
  const foldOf = assignFolds(groupOf, folds);
  const outcomes = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const mapper = createTechniqueMapper({ index, knowledge, examples: rules.filter((_, position) => foldOf[position] !== fold) });
    for (const item of scored) {
      if (foldOf[item.position] !== fold) continue;
      const mapping = mapper.map(ruleToAlert(item.rule), { limit: 30 });
      const pick = (list) => list.map((candidate) => ({ id: candidate.id, confidence: candidate.confidence }));
      outcomes.push({ ...item, id: item.rule.id, title: item.rule.title, description: item.rule.description, predicted: pick(mapping.predicted), ranked: pick(mapping.candidates) });
    }
  }
  return summarizeAccuracy(outcomes);
}

function auditGrouping({ rules, scored, index, knowledge }) {
  const all = groupRelatedRules(rules);
  const sizes = groupSizes(all);
  const histogram = new Map();
  for (const size of sizes) histogram.set(size, (histogram.get(size) ?? 0) + 1);
  const rows = [groupingRow('all criteria', all)];
  for (const criterion of groupingCriteria) {
    rows.push(groupingRow(`without ${criterion}`, groupRelatedRules(rules, groupingCriteria.filter((other) => other !== criterion))));
    rows.push(groupingRow(`only ${criterion}`, groupRelatedRules(rules, [criterion])));
  }
  const twins = twinLabelAgreement(scored, all);
  const lines = [
    '## Grouping audit',
    '',
    `Group sizes (size: groups): ${[...histogram].sort((a, b) => a[0] - b[0]).map(([size, count]) => `${size}: ${count}`).join(', ')}.`,
    '',
    table(['grouping', 'groups', 'rules in groups of 2+', 'rules in groups of 6+', 'largest'], rows),
    '',
    `Copying the labels of another rule of the same group gives hierarchical F1 ${twins.hierarchicalF1.toFixed(3)} over ${twins.rules} grouped rules.`,
  ];
  if (!values['skip-runs']) {
    const variants = [
      ['all criteria', all],
      ['without shared descriptions', groupRelatedRules(rules, groupingCriteria.filter((criterion) => criterion !== 'description'))],
      ['no grouping (each rule alone)', rules.map((_, position) => position)],
    ];
    const runRows = variants.map(([name, groupOf]) => {
      const summary = crossValidate({ rules, scored, index, knowledge, groupOf });
      return [name, summary.hierarchicalF1.toFixed(4), summary.parentRecallAt5.toFixed(4), summary.parentRecallAt10.toFixed(4)];
    });
    lines.push('', `Grouped ${folds}-fold cross-validation with examples under each grouping:`, '', table(['grouping', 'hierarchical F1', 'parent recall@5', 'parent recall@10'], runRows));
  }
  return lines.join('\n');
}

/** Adds one rule's hits per source and for the union of sources to each of its report groups. */
function addCeilings(totals, keys, item, evidence, mapping) {
  const ranked = {};
  for (const source of sources) {
    const byFamily = new Map();
    for (const { id, score } of evidence[source]) byFamily.set(parentTechniqueId(id), (byFamily.get(parentTechniqueId(id)) ?? 0) + score);
    ranked[source] = [...byFamily].sort((a, b) => b[1] - a[1]).map(([family]) => family);
  }
  const union = new Set(Object.values(ranked).flat());
  const final = [...new Set(mapping.candidates.map((candidate) => parentTechniqueId(candidate.id)))];
  const hits = (list) => item.goldParents.filter((family) => list.includes(family)).length;
  const counts = {
    'final@5': hits(final.slice(0, 5)),
    'final@10': hits(final.slice(0, 10)),
    'union of sources': item.goldParents.filter((family) => union.has(family)).length,
    ...Object.fromEntries(sources.flatMap((source) => [[`${source}@10`, hits(ranked[source].slice(0, 10))], [`${source} all`, hits(ranked[source])]])),
  };
  for (const key of keys) {
    const entry = (totals.get(key) ?? totals.set(key, { gold: 0, unionSize: 0, rules: 0, hits: {} }).get(key));
    entry.gold += item.goldParents.length;
    entry.unionSize += union.size;
    entry.rules += 1;
    for (const [name, count] of Object.entries(counts)) entry.hits[name] = (entry.hits[name] ?? 0) + count;
  }
}

function measureCeilings({ rules, scored, index, knowledge, withExamples }) {
  const foldOf = withExamples ? assignFolds(groupRelatedRules(rules), folds) : rules.map(() => 0);
  const totals = new Map();
  for (let fold = 0; fold < (withExamples ? folds : 1); fold += 1) {
    const training = withExamples ? rules.filter((_, position) => foldOf[position] !== fold) : undefined;
    const exampleSources = training ? buildExampleSources(training, index) : undefined;
    const gatherer = new EvidenceGatherer(knowledge.sources, knowledge.lexicon, exampleSources);
    const mapper = createTechniqueMapper({ index, knowledge, ...(training ? { examples: training } : {}) });
    for (const item of scored) {
      if (withExamples && foldOf[item.position] !== fold) continue;
      const alert = ruleToAlert(item.rule);
      const evidence = gatherer.gather(alertSearchText(alert), {}, alert.ruleName);
      const logSource = item.rule.logsource;
      const keys = ['all', ...item.tactics.map((tactic) => `tactic ${tactic}`), `log source ${[logSource.product, logSource.category ?? logSource.service].filter(Boolean).join('/') || 'none'}`];
      addCeilings(totals, keys, item, evidence, mapper.map(alert, { limit: 30 }));
    }
  }
  return totals;
}

function ceilingTable(title, totals, withExamples) {
  const used = withExamples ? sources : sources.filter((source) => !source.startsWith('example'));
  const columns = ['final@5', 'final@10', 'union of sources', ...used.map((source) => `${source}@10`)];
  const keys = [...totals.keys()];
  const ordered = [
    'all',
    ...keys.filter((key) => key.startsWith('tactic ')).sort((a, b) => totals.get(b).gold - totals.get(a).gold),
    ...keys.filter((key) => key.startsWith('log source ')).sort((a, b) => totals.get(b).gold - totals.get(a).gold).slice(0, 12),
  ];
  const rows = ordered.map((key) => {
    const entry = totals.get(key);
    return [key, entry.gold, ...columns.map((column) => percent(entry.hits[column], entry.gold))];
  });
  const overall = totals.get('all');
  const reach = used.map((source) => `${source} ${percent(overall.hits[`${source} all`], overall.gold)}`).join(', ');
  return [
    `## Candidate ceilings, ${title}`,
    '',
    'Parent recall of each source ranked on its own (families by summed support), of the union of every family any source returns, and of the mapper\'s final list.',
    '',
    table(['rules', 'gold parents', ...columns], rows),
    '',
    `Union size: ${(overall.unionSize / overall.rules).toFixed(1)} families per rule. Everything each source returns reaches: ${reach}.`,
  ].join('\n');
}

const cacheDir = mkdtempSync(join(tmpdir(), 'ids-explain-diagnostics-'));
try {
  const index = loadAttackIndex({ attackPath: values.attack, dataDir: cacheDir, cacheDir });
  const knowledge = loadMappingKnowledge(index);
  const rules = readLabelledRules(values.set);
  const scored = scoredRules(rules, index);
  const context = { rules, scored, index, knowledge };
  process.stdout.write(`${auditGrouping(context)}\n\n`);
  process.stdout.write(`${ceilingTable('ATT&CK knowledge and lexicon only', measureCeilings({ ...context, withExamples: false }), false)}\n\n`);
  process.stdout.write(`${ceilingTable(`with examples, grouped ${folds}-fold`, measureCeilings({ ...context, withExamples: true }), true)}\n`);
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
