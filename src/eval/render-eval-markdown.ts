import type { CaseReport, EvalReport, ScorerTotal } from './eval-report.js';
import { allScorersName } from './summarize-eval.js';

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function scorerNames(report: EvalReport): string[] {
  return report.totals.map((total) => total.scorer).filter((name) => name !== allScorersName);
}

function verdictLine(report: EvalReport): string {
  if (!report.thresholdSet) return 'No thresholds apply to this run.';
  const failed = report.thresholds.filter((check) => !check.ok);
  if (failed.length === 0) return `All ${report.thresholds.length} thresholds of the "${report.thresholdSet}" set are met.`;
  const list = failed.map((check) => `${check.scorer} ${check.metric} ${check.actual} < ${check.required}`).join(', ');
  return `**Below thresholds** ("${report.thresholdSet}" set): ${list}.`;
}

function totalsTable(report: EvalReport): string[] {
  const threshold = (total: ScorerTotal, metric: 'passRate' | 'meanScore') =>
    report.thresholds.find((check) => check.scorer === total.scorer && check.metric === metric)?.required;
  const rows = report.totals.map((total) => {
    const rate = threshold(total, 'passRate');
    const mean = threshold(total, 'meanScore');
    const required = [rate !== undefined ? `pass ≥ ${percent(rate)}` : '', mean !== undefined ? `mean ≥ ${mean}` : ''].filter(Boolean).join(', ');
    return `| ${total.scorer} | ${total.cases} | ${total.passed} | ${percent(total.passRate)} | ${total.meanScore.toFixed(3)} | ${required || '–'} |`;
  });
  return ['| scorer | cases | passed | pass rate | mean score | threshold |', '|---|---:|---:|---:|---:|---|', ...rows];
}

function caseCell(testCase: CaseReport, scorer: string): string {
  if (testCase.skipped !== undefined) return 'skip';
  const result = testCase.scores[scorer];
  if (!result) return '–';
  return `${result.pass ? 'pass' : 'FAIL'} ${result.score.toFixed(2)}`;
}

function casesTable(report: EvalReport): string[] {
  const names = scorerNames(report);
  const header = `| case | format | ${names.join(' | ')} |`;
  const rule = `|---|---|${names.map(() => '---').join('|')}|`;
  const rows = report.cases.map((testCase) => {
    const label = `${testCase.id}${testCase.hostile ? ' (hostile)' : ''}`;
    return `| ${cell(label)} | ${cell(testCase.format)} | ${names.map((name) => caseCell(testCase, name)).join(' | ')} |`;
  });
  return [header, rule, ...rows];
}

function failureDetails(report: EvalReport): string[] {
  const lines: string[] = [];
  for (const testCase of report.cases) {
    if (testCase.skipped !== undefined) {
      lines.push(`### ${testCase.id}`, '', `Skipped: ${testCase.skipped}`, '');
      continue;
    }
    const failed = Object.entries(testCase.scores).filter(([, result]) => !result.pass);
    if (failed.length === 0) continue;
    lines.push(`### ${testCase.id}`, '');
    if (testCase.error) lines.push(`Error: ${testCase.error}`, '');
    if (testCase.knownGap) lines.push(`Known gap: ${testCase.knownGap}`, '');
    if (testCase.cited.length > 0) lines.push(`Cited: ${testCase.cited.join(', ')}`, '');
    for (const [scorer, result] of failed) lines.push(`- **${scorer}** (${result.score.toFixed(2)}): ${result.reason}`);
    lines.push('');
  }
  return lines.length > 0 ? lines : ['Every case passes every scorer.', ''];
}

function judgeLine(report: EvalReport): string {
  return report.judge.status === 'ran'
    ? `Model judge: ${report.judge.model} (prompt ${report.judge.promptVersion}).`
    : `Model judge skipped: ${report.judge.reason}.`;
}

export interface RenderEvalOptions {
  /** False leaves out the per-case table and the failure reasons. */
  details?: boolean;
}

/**
 * Renders an eval report as Markdown: the verdict against the thresholds, a totals table and,
 * with details, one row per case with each scorer's pass and score and every failure reason.
 */
export function renderEvalMarkdown(report: EvalReport, { details = true }: RenderEvalOptions = {}): string {
  const source = report.explanationsFile ? `explanations from ${report.explanationsFile}` : `backend ${report.source}`;
  const lines = [
    `# Explanation eval: ${report.suite.name}`,
    '',
    `Suite ${report.suite.path}, ${source}, ${report.attackRelease}, generated ${report.generatedAt}.`,
    '',
    verdictLine(report),
    '',
    judgeLine(report),
    '',
    '## Totals',
    '',
    ...totalsTable(report),
    '',
  ];
  if (!details) return `${lines.join('\n').trimEnd()}\n`;
  lines.push(
    '## Cases',
    '',
    ...casesTable(report),
    '',
    '## Failures',
    '',
    ...failureDetails(report),
  );
  return `${lines.join('\n').trimEnd()}\n`;
}
