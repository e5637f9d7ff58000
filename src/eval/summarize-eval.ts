import type { EvalSuite } from './eval-suite-schema.js';
import type { CaseReport, ScorerTotal, ThresholdCheck } from './eval-report.js';

/** Name of the pseudo-scorer that counts cases passing every scorer that applies to them. */
export const allScorersName = 'all';

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Totals each scorer over the scored cases (skipped ones left out): how many cases it applied
 * to, how many passed, the pass rate and the mean score. The "all" row counts cases that
 * passed every scorer that applied to them, its mean being the share of such cases.
 */
export function totalScores(cases: CaseReport[], scorerNames: string[]): ScorerTotal[] {
  const scored = cases.filter((testCase) => testCase.skipped === undefined);
  const totals = scorerNames.map((scorer) => {
    const results = scored.flatMap((testCase) => (testCase.scores[scorer] ? [testCase.scores[scorer]] : []));
    const passed = results.filter((result) => result.pass).length;
    const sum = results.reduce((total, result) => total + result.score, 0);
    return {
      scorer,
      cases: results.length,
      passed,
      passRate: results.length > 0 ? round(passed / results.length) : 0,
      meanScore: results.length > 0 ? round(sum / results.length) : 0,
    };
  });
  const passed = scored.filter((testCase) => testCase.passed).length;
  const share = scored.length > 0 ? round(passed / scored.length) : 0;
  totals.push({ scorer: allScorersName, cases: scored.length, passed, passRate: share, meanScore: share });
  return totals;
}

/** Returns the suite's threshold set for a source: its own, else "default", else none. */
export function thresholdSetFor(suite: EvalSuite, source: string): string | undefined {
  if (suite.thresholds[source]) return source;
  return suite.thresholds.default ? 'default' : undefined;
}

/**
 * Compares the totals with a threshold set. A threshold on a scorer that measured no case
 * fails, so that a renamed scorer or an emptied suite cannot pass by measuring nothing.
 */
export function checkThresholds(suite: EvalSuite, setName: string | undefined, totals: ScorerTotal[]): ThresholdCheck[] {
  if (!setName) return [];
  const checks: ThresholdCheck[] = [];
  for (const [scorer, threshold] of Object.entries(suite.thresholds[setName] ?? {})) {
    const total = totals.find((candidate) => candidate.scorer === scorer);
    for (const metric of ['passRate', 'meanScore'] as const) {
      const required = threshold[metric];
      if (required === undefined) continue;
      const actual = total && total.cases > 0 ? total[metric] : 0;
      checks.push({ scorer, metric, required, actual, ok: total !== undefined && total.cases > 0 && actual >= required });
    }
  }
  return checks;
}
