import { createBackend } from '../../backends/create-backend.js';
import { userCacheDir } from '../../config/user-dirs.js';
import { BelowThresholdError } from '../../errors/below-threshold-error.js';
import { InputError } from '../../errors/input-error.js';
import type { EvalReport } from '../../eval/eval-report.js';
import { createBackendSource, createRecordedSource, type ExplanationSource } from '../../eval/explanation-source.js';
import { checkSuiteAgainstRelease, loadEvalSuite, type LoadedSuite } from '../../eval/load-eval-suite.js';
import { readExplanationsFile, type RecordedExplanations } from '../../eval/read-explanations-file.js';
import { renderEvalMarkdown } from '../../eval/render-eval-markdown.js';
import { runExplanationEval, type RunExplanationEvalOptions } from '../../eval/run-explanation-eval.js';
import type { Knowledge } from '../../runtime/load-knowledge.js';
import { loadKnowledge } from '../../runtime/load-knowledge.js';
import { checkOutputFile, writeOutputFile } from '../write-output-file.js';
import type { CommandContext } from './explain-command.js';

export interface EvalExplanationsOptions {
  suite?: string;
  backend?: string;
  explanations?: string;
  json?: string;
  report?: string;
  writeExplanations?: string;
  case?: string[];
  judge?: boolean;
  judgeModel?: string;
  attack?: string;
  cache: boolean;
}

// Without this check a file whose ids match no case scores nothing and passes a suite that has
// no thresholds for recorded explanations.
function checkRecordedIds(recorded: Map<string, RecordedExplanations>, file: string, loaded: LoadedSuite): void {
  if (recorded.size === 0) throw new InputError(`${file} has no explanations`, { hint: 'Write one JSON explanation per line, each with the "id" of a suite case' });
  const known = new Set(loaded.suite.cases.map((testCase) => testCase.id));
  const unknown = [...recorded.keys()].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new InputError(`${file}: no case in suite ${loaded.path} has the id ${unknown.map((id) => `"${id}"`).join(', ')}`, {
      hint: `Use the case ids of the suite, such as ${[...known].slice(0, 3).join(', ')}`,
    });
  }
}

async function chooseSource(options: EvalExplanationsOptions, loaded: LoadedSuite, knowledge: Knowledge, context: CommandContext): Promise<ExplanationSource> {
  if (options.explanations !== undefined) {
    const recorded = readExplanationsFile(options.explanations);
    checkRecordedIds(recorded, options.explanations, loaded);
    return createRecordedSource(recorded, options.explanations);
  }
  const backend = await createBackend({ name: options.backend ?? 'offline', cacheDir: userCacheDir(context.environment as Record<string, string | undefined>) });
  return createBackendSource({ backend, ...knowledge, logger: context.logger });
}

async function judgeOptions(
  options: EvalExplanationsOptions,
  context: CommandContext,
): Promise<Pick<RunExplanationEvalOptions, 'judge' | 'judgeStatus'>> {
  if (!options.judge) return { judgeStatus: { status: 'skipped', reason: 'not requested (pass --judge to rate explanations with a model)' } };
  const { createCaseJudge } = await import('../../eval/judge/create-case-judge.js');
  return createCaseJudge({ env: process.env, ...(options.judgeModel ? { model: options.judgeModel } : {}), logger: context.logger });
}

function recorder(path: string | undefined): { onExplanation?: RunExplanationEvalOptions['onExplanation']; flush: () => void } {
  if (path === undefined) return { flush: () => undefined };
  const lines: string[] = [];
  return {
    onExplanation: ({ id, variant, explanation }) => {
      const record = typeof explanation === 'object' && explanation !== null ? explanation : { value: explanation };
      lines.push(JSON.stringify({ id, ...(variant === 'baseline' ? { variant } : {}), ...record }));
    },
    flush: () => writeOutputFile('--write-explanations', path, lines.length > 0 ? `${lines.join('\n')}\n` : ''),
  };
}

function writeReports(report: EvalReport, options: EvalExplanationsOptions, context: CommandContext): void {
  if (options.json !== undefined) writeOutputFile('--json', options.json, `${JSON.stringify(report, null, 2)}\n`);
  if (options.report !== undefined) writeOutputFile('--report', options.report, renderEvalMarkdown(report));
  context.stdout.write(renderEvalMarkdown(report, { details: options.report === undefined }));
}

function checkPassed(report: EvalReport): void {
  if (report.passed) return;
  const failed = report.thresholds.filter((check) => !check.ok);
  const list = failed.map((check) => `${check.scorer} ${check.metric} ${check.actual} < ${check.required}`).join(', ');
  throw new BelowThresholdError(`suite ${report.suite.path} scored below its "${report.thresholdSet}" thresholds: ${list}`, {
    hint: 'See the report for the failing cases and their reasons',
  });
}

/**
 * Runs `ids-explain eval explanations`: scores a suite's cases with a backend, or scores
 * explanations recorded in a file, writes the reports and fails below the suite thresholds.
 */
export async function runEvalExplanationsCommand(options: EvalExplanationsOptions, context: CommandContext): Promise<void> {
  if (options.suite === undefined) throw new InputError('missing --suite', { hint: 'Pass --suite evals/explanations.yaml' });
  if (options.explanations !== undefined && options.backend !== undefined) {
    throw new InputError('--backend and --explanations cannot be used together', {
      hint: 'Use --backend to explain the alerts now, or --explanations to score recorded explanations',
    });
  }
  for (const [option, path] of [['--json', options.json], ['--report', options.report], ['--write-explanations', options.writeExplanations]] as const) {
    if (path !== undefined) checkOutputFile(option, path);
  }
  const loaded = loadEvalSuite(options.suite);
  const knowledge = loadKnowledge({
    ...(options.attack !== undefined ? { attackPath: options.attack } : {}),
    environment: context.environment,
    useCache: options.cache,
    logger: context.logger,
  });
  checkSuiteAgainstRelease(loaded, knowledge.index);
  const source = await chooseSource(options, loaded, knowledge, context);
  const judge = await judgeOptions(options, context);
  const record = recorder(options.writeExplanations);

  const report = await runExplanationEval({
    loaded,
    index: knowledge.index,
    source,
    ...judge,
    ...(options.case ? { caseIds: options.case } : {}),
    ...(record.onExplanation ? { onExplanation: record.onExplanation } : {}),
    logger: context.logger,
  });
  record.flush();
  writeReports(report, options, context);
  checkPassed(report);
}
