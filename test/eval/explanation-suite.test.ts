import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendNames, createBackend } from '../../src/backends/create-backend.js';
import type { EvalReport } from '../../src/eval/eval-report.js';
import { createBackendSource } from '../../src/eval/explanation-source.js';
import { checkSuiteAgainstRelease, loadEvalSuite } from '../../src/eval/load-eval-suite.js';
import { runExplanationEval } from '../../src/eval/run-explanation-eval.js';
import { silentLogger } from '../../src/logging/logger.js';
import { realAttackIndex, realMapper, repositoryRoot } from '../support/real-attack.js';

const suitePath = join(repositoryRoot, 'evals/explanations.yaml');

async function runSuite(backendName: string): Promise<EvalReport> {
  const index = realAttackIndex();
  const loaded = loadEvalSuite(suitePath);
  checkSuiteAgainstRelease(loaded, index);
  const backend = await createBackend({ name: backendName });
  return runExplanationEval({
    loaded,
    index,
    source: createBackendSource({ backend, index, mapper: realMapper(), logger: silentLogger }),
    judgeStatus: { status: 'skipped', reason: 'not used in tests' },
  });
}

let offlineReport: Promise<EvalReport> | undefined;

function offline(): Promise<EvalReport> {
  offlineReport ??= runSuite('offline');
  return offlineReport;
}

function failedThresholds(report: EvalReport): string[] {
  return report.thresholds.filter((check) => !check.ok).map((check) => `${check.scorer} ${check.metric} ${check.actual} < ${check.required}`);
}

describe('explanation suite', () => {
  it('has at least 30 scored cases', () => {
    const cases = loadEvalSuite(suitePath).suite.cases.filter((testCase) => testCase.skip === undefined);
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it('meets the offline thresholds', async () => {
    const report = await offline();
    expect(report.thresholdSet).toBe('offline');
    expect(failedThresholds(report)).toEqual([]);
  });

  it('explains every case without a known gap', async () => {
    const report = await offline();
    const errors = report.cases.filter((testCase) => testCase.error && !testCase.knownGap).map((testCase) => `${testCase.id}: ${testCase.error}`);
    expect(errors).toEqual([]);
  });

  // Runs once a replay backend over recorded LLM responses is registered in createBackend.
  it.runIf((backendNames as readonly string[]).includes('replay'))('meets the replay thresholds', async () => {
    const report = await runSuite('replay');
    expect(report.thresholdSet).toBe('replay');
    expect(failedThresholds(report)).toEqual([]);
  });
});
