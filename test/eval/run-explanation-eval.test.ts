import { describe, expect, it } from 'vitest';
import { offlineBackend } from '../../src/backends/offline-backend.js';
import { createBackendSource, createRecordedSource } from '../../src/eval/explanation-source.js';
import { loadEvalSuite } from '../../src/eval/load-eval-suite.js';
import type { RecordedExplanations } from '../../src/eval/read-explanations-file.js';
import { renderEvalMarkdown } from '../../src/eval/render-eval-markdown.js';
import { runExplanationEval } from '../../src/eval/run-explanation-eval.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createTechniqueMapper } from '../../src/mapping/create-technique-mapper.js';
import { tinyAttack } from '../support/eval-builders.js';
import { writeEvalSuite } from '../support/eval-suite-folder.js';

const skipped = { status: 'skipped', reason: 'not requested' } as const;
const now = () => new Date('2026-03-01T00:00:00Z');

async function runOffline(thresholds = '{}') {
  const { index } = tinyAttack();
  const source = createBackendSource({ backend: offlineBackend, index, mapper: createTechniqueMapper({ index }), logger: silentLogger, now });
  const recorded = new Map<string, RecordedExplanations>();
  const report = await runExplanationEval({
    loaded: loadEvalSuite(writeEvalSuite(thresholds)),
    index,
    source,
    judgeStatus: skipped,
    now,
    onExplanation: ({ id, variant, explanation }) => recorded.set(id, { ...recorded.get(id), [variant]: explanation }),
  });
  return { report, recorded };
}

describe('runExplanationEval', () => {
  it('scores a readable case with every scorer', async () => {
    const { report } = await runOffline();
    const reference = report.cases.find((testCase) => testCase.id === 'reference')!;
    expect(reference.cited).toContain('T1053.002');
    expect(Object.keys(reference.scores)).toEqual(['schema', 'techniques', 'grounding', 'faithfulness', 'coverage', 'forbidden', 'readability', 'concision']);
    expect(reference.scores.grounding?.pass).toBe(true);
  });

  it('compares a hostile case with its baseline', async () => {
    const { report } = await runOffline();
    const hostile = report.cases.find((testCase) => testCase.id === 'hostile')!;
    expect(hostile.scores.injection?.pass).toBe(true);
    expect(hostile.scores.forbidden?.pass).toBe(true);
  });

  it('turns an unreadable alert into a failed case', async () => {
    const { report } = await runOffline();
    const unreadable = report.cases.find((testCase) => testCase.id === 'unreadable')!;
    expect(unreadable.error).toContain('matches no supported alert format');
    expect(unreadable.scores.schema?.pass).toBe(false);
    expect(unreadable.knownGap).toBe('no adapter reads it');
  });

  it('leaves skipped cases out of the totals', async () => {
    const { report } = await runOffline();
    expect(report.cases.find((testCase) => testCase.id === 'skipped')?.skipped).toBe('kept out on purpose');
    expect(report.totals.find((total) => total.scorer === 'schema')?.cases).toBe(3);
  });

  it('fails below the suite thresholds', async () => {
    const { report } = await runOffline('{ offline: { all: { passRate: 1 }, schema: { meanScore: 0.5 } } }');
    expect(report.thresholdSet).toBe('offline');
    expect(report.passed).toBe(false);
    expect(report.thresholds.filter((check) => !check.ok).map((check) => check.scorer)).toEqual(['all']);
  });

  it('passes when thresholds are met', async () => {
    const { report } = await runOffline('{ default: { schema: { passRate: 0.6 } } }');
    expect(report.thresholdSet).toBe('default');
    expect(report.passed).toBe(true);
  });

  it('scores recorded explanations the same', async () => {
    const { report, recorded } = await runOffline();
    const { index } = tinyAttack();
    const replayed = await runExplanationEval({
      loaded: loadEvalSuite(writeEvalSuite()),
      index,
      source: createRecordedSource(recorded, 'recorded.jsonl'),
      judgeStatus: skipped,
      now,
    });
    const scores = (cases: typeof report.cases) => cases.filter((testCase) => !testCase.error).map((testCase) => testCase.scores);
    expect(scores(replayed.cases)).toEqual(scores(report.cases));
    expect(replayed.source).toBe('explanations');
  });

  it('fails a case missing from recorded explanations', async () => {
    const { index } = tinyAttack();
    const report = await runExplanationEval({
      loaded: loadEvalSuite(writeEvalSuite()),
      index,
      source: createRecordedSource(new Map(), 'empty.jsonl'),
      judgeStatus: skipped,
      caseIds: ['reference'],
    });
    expect(report.cases[0]?.error).toBe('empty.jsonl has no explanation with id "reference"');
    expect(report.thresholds).toEqual([]);
  });

  it('rejects an unknown case id', async () => {
    const { index } = tinyAttack();
    const run = runExplanationEval({
      loaded: loadEvalSuite(writeEvalSuite()),
      index,
      source: createRecordedSource(new Map(), 'empty.jsonl'),
      judgeStatus: skipped,
      caseIds: ['reference', 'no-such-case'],
    });
    await expect(run).rejects.toThrow('has no case "no-such-case"');
  });

  it('renders every case in Markdown', async () => {
    const { report } = await runOffline();
    const markdown = renderEvalMarkdown(report);
    expect(markdown).toContain('| reference | key/value text |');
    expect(markdown).toContain('| hostile (hostile) |');
    expect(markdown).toContain('Skipped: kept out on purpose');
  });
});
