import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSuiteAgainstRelease, loadEvalSuite } from '../../src/eval/load-eval-suite.js';
import { tinyAttack } from '../support/eval-builders.js';
import { writeEvalSuite } from '../support/eval-suite-folder.js';

function editedSuite(edit: (text: string) => string): string {
  const path = writeEvalSuite();
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return path;
}

describe('loadEvalSuite', () => {
  it('reads cases with defaults filled in', () => {
    const loaded = loadEvalSuite(writeEvalSuite());
    expect(loaded.suite.cases.map((testCase) => testCase.id)).toEqual(['reference', 'hostile', 'unreadable', 'skipped']);
    expect(loaded.suite.cases[1]!.mustMention.addresses).toEqual([]);
    expect(loaded.alertPaths.get('reference')).toMatch(/alerts\/reference\.txt$/);
  });

  it('rejects invalid YAML', () => {
    const path = editedSuite((text) => `${text}\n  - id: [unclosed\n`);
    expect(() => loadEvalSuite(path)).toThrow(/is not valid YAML/);
  });

  it('names the case of an invalid field', () => {
    const path = editedSuite((text) => text.replace('anyOf: [T1053.002, T1053] }\n    mustMention', 'anyOf: [t1053.2, T1053] }\n    mustMention'));
    expect(() => loadEvalSuite(path)).toThrow('invalid cases[0] (reference).techniques.anyOf[0]');
  });

  it('rejects a repeated case id', () => {
    const path = editedSuite((text) => text.replace('id: hostile', 'id: reference'));
    expect(() => loadEvalSuite(path)).toThrow('case id "reference" appears more than once');
  });

  it('rejects a missing fixture', () => {
    const path = editedSuite((text) => text.replace('alerts/unreadable.txt', 'alerts/missing.txt'));
    expect(() => loadEvalSuite(path)).toThrow('alert fixture alerts/missing.txt not found');
  });

  it('rejects a hostile field the alert lacks', () => {
    const path = editedSuite((text) => text.replace('field: X-Note', 'field: X-Other'));
    expect(() => loadEvalSuite(path)).toThrow('case hostile: hostile field "X-Other" not found');
  });

  it('rejects an unknown threshold scorer', () => {
    const path = writeEvalSuite('{ offline: { groundng: { passRate: 1 } } }');
    expect(() => loadEvalSuite(path)).toThrow('thresholds.offline: unknown scorer "groundng"');
  });

  it('accepts the judge and all thresholds', () => {
    const path = writeEvalSuite('{ default: { judge: { meanScore: 0.5 }, all: { passRate: 0.5 } } }');
    expect(loadEvalSuite(path).suite.thresholds.default).toHaveProperty('judge');
  });

  it('rejects an invalid pattern', () => {
    const path = editedSuite((text) => text.replace('mustNot: { techniques: [T1053.001] }', "mustNot: { patterns: ['(unclosed'] }"));
    expect(() => loadEvalSuite(path)).toThrow('invalid pattern "(unclosed"');
  });

  it('rejects a missing file', () => {
    expect(() => loadEvalSuite('/nonexistent/suite.yaml')).toThrow('cannot read suite /nonexistent/suite.yaml: no such file');
  });
});

describe('checkSuiteAgainstRelease', () => {
  it('accepts active techniques', () => {
    expect(() => checkSuiteAgainstRelease(loadEvalSuite(writeEvalSuite()), tinyAttack().index)).not.toThrow();
  });

  it('rejects an expected technique that is revoked', () => {
    const path = editedSuite((text) => text.replace('anyOf: [T1053.002, T1053] }\n    mustMention', 'anyOf: [T1053.001] }\n    mustMention'));
    expect(() => checkSuiteAgainstRelease(loadEvalSuite(path), tinyAttack().index)).toThrow('expected technique T1053.001 is revoked');
  });

  it('rejects an unknown tactic', () => {
    const path = editedSuite((text) => text.replace('tactics: [execution]', 'tactics: [hacking]'));
    expect(() => checkSuiteAgainstRelease(loadEvalSuite(path), tinyAttack().index)).toThrow('unknown tactic "hacking"');
  });
});
