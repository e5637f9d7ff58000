import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/alert/alert-schema.js';
import { loadAttackIndex } from '../../../src/attack/load-attack-index.js';
import { evaluateMapping, sharesCorpus } from '../../../src/mapping/eval/evaluate-mapping.js';
import type { LabelledRule } from '../../../src/mapping/examples/labelled-rule.js';
import type { TechniqueMapper } from '../../../src/mapping/technique-mapping.js';
import { writeTinyBundle } from '../../support/tiny-bundle.js';

const index = loadAttackIndex({ attackPath: writeTinyBundle({ stixVersion: '2.1' }), dataDir: '/nonexistent', cacheDir: false });

function rule(id: string, title: string, techniques: string[], extra: Partial<LabelledRule> = {}): LabelledRule {
  return { id, title, description: `Detects ${title.toLowerCase()}`, logsource: { product: 'windows' }, techniques, tactics: [], related: [], ...extra };
}

/** Returns a mapper that predicts one fixed ID and records every alert it is given. */
function recordingMapper(predict: string, seen: Alert[]): TechniqueMapper {
  return {
    map(alert) {
      seen.push(alert);
      const candidate = { id: predict, score: 0.9, confidence: 0.9, fromAlert: false, evidence: [] };
      return { candidates: [candidate], predicted: [candidate], alertIds: [], notes: [], questionable: [] };
    },
  };
}

describe('evaluateMapping', () => {
  it('never shows labels, tags, related ids, path or author to the mapper', () => {
    const leaky = {
      ...rule('rule-1', 'Remote job creation', ['T1053.002'], { tactics: ['execution'], related: [{ id: 'secret-related-id', type: 'derived' }] }),
      path: 'rules/secret-path-marker.yml',
      author: 'secret-author-marker',
      tags: ['attack.t1053.002'],
    } as LabelledRule;
    const seen: Alert[] = [];
    evaluateMapping({ rules: [leaky], index, createMapper: () => recordingMapper('T1053.002', seen) });
    const alertJson = JSON.stringify(seen);
    expect(seen).toHaveLength(1);
    for (const marker of ['T1053', 't1053', 'secret-related-id', 'secret-path-marker', 'secret-author-marker', 'execution']) {
      expect(alertJson).not.toContain(marker);
    }
    expect(seen[0]?.attackIds).toEqual([]);
  });

  it('shows the title, description and log source', () => {
    const seen: Alert[] = [];
    evaluateMapping({ rules: [rule('rule-1', 'Remote job creation', ['T1053.002'])], index, createMapper: () => recordingMapper('T1053.002', seen) });
    expect(seen[0]?.ruleName).toBe('Remote job creation');
    expect(seen[0]?.description).toBe('Detects remote job creation');
    expect(seen[0]?.details).toBe('log source: windows');
  });

  it('skips and counts rules with unknown gold IDs', () => {
    const report = evaluateMapping({
      rules: [rule('a', 'Known', ['T1053.002']), rule('b', 'Unknown', ['T1685.001', 'T1053'])],
      index,
      createMapper: () => recordingMapper('T1053.002', []),
    });
    expect(report.n).toBe(1);
    expect(report.skipped).toBe(1);
    expect(report.skippedIds).toEqual({ 'T1685.001': 1 });
  });

  it('reports hand-computed scores', () => {
    const report = evaluateMapping({
      rules: [rule('a', 'First', ['T1053.002']), rule('b', 'Second', ['T1053.005'])],
      index,
      createMapper: () => recordingMapper('T1053.002', []),
    });
    expect(report.exactF1).toBe(0.5);
    expect(report.hierarchicalPrecision).toBe(0.75);
    expect(report.hierarchicalRecall).toBe(0.75);
    expect(report.parentRecallAt5).toBe(1);
    expect(report.mode).toBe('knowledge-only');
  });

  it('scores no rule with a mapper that saw it or its twin', () => {
    const rules = [
      rule('a', 'Scheduled job created by at', ['T1053.002']),
      rule('b', 'Scheduled job created by at - Security', ['T1053.002']),
      rule('c', 'Task registered with schtasks', ['T1053.005'], { related: [{ id: 'd' }] }),
      rule('d', 'Different wording entirely', ['T1053.005']),
      rule('e', 'Parent technique use', ['T1053']),
      rule('f', 'Another unrelated rule', ['T1053']),
    ];
    const trained: string[][] = [];
    const scoredBy: Map<string, number> = new Map();
    const report = evaluateMapping({
      rules,
      index,
      examples: rules,
      folds: 3,
      createMapper: (examples) => {
        const fold = trained.length;
        trained.push((examples ?? []).map((example) => example.id));
        return {
          map(alert) {
            const id = rules.find((candidate) => candidate.title === alert.ruleName)!.id;
            scoredBy.set(id, fold);
            return recordingMapper('T1053', []).map(alert);
          },
        };
      },
    });
    expect(report.mode).toBe('grouped-cross-validation');
    expect(scoredBy.size).toBe(rules.length);
    const twins: [string, string][] = [['a', 'b'], ['c', 'd']];
    for (const [id, fold] of scoredBy) {
      expect(trained[fold]).not.toContain(id);
    }
    for (const [left, right] of twins) {
      expect(trained[scoredBy.get(left)!]).not.toContain(right);
      expect(trained[scoredBy.get(right)!]).not.toContain(left);
    }
  });

  it('learns from all examples of another corpus in one pass', () => {
    const folds: number[] = [];
    const report = evaluateMapping({
      rules: [rule('a', 'First', ['T1053.002'])],
      examples: [rule('x', 'Elsewhere', ['T1053.005'])],
      index,
      createMapper: (examples) => {
        folds.push(examples?.length ?? 0);
        return recordingMapper('T1053.002', []);
      },
    });
    expect(report.mode).toBe('examples');
    expect(folds).toEqual([1]);
  });
});

describe('sharesCorpus', () => {
  it('detects shared ids', () => {
    expect(sharesCorpus([rule('a', 'One', [])], [rule('a', 'Renamed', [])])).toBe(true);
  });

  it('detects shared title and description', () => {
    expect(sharesCorpus([rule('a', 'One', [])], [rule('b', 'One', [])])).toBe(true);
  });

  it('returns false for disjoint sets', () => {
    expect(sharesCorpus([rule('a', 'One', [])], [rule('b', 'Two', [])])).toBe(false);
  });
});
