import { readFileSync } from 'node:fs';
import type { Alert } from '../alert/alert-schema.js';
import { parseAlert } from '../alert/parse-alert.js';
import { InputError } from '../errors/input-error.js';
import type { AttackIndex } from '../attack/attack-index.js';
import { normalizeTechniqueId } from '../attack/technique-id.js';
import type { Logger } from '../logging/logger.js';
import { silentLogger } from '../logging/logger.js';
import type { EvalCase } from './eval-suite-schema.js';
import type { CaseReport, EvalReport } from './eval-report.js';
import { viewExplanation } from './explanation-view.js';
import type { ExplanationSource } from './explanation-source.js';
import type { LoadedSuite } from './load-eval-suite.js';
import { removeAlertField } from './remove-alert-field.js';
import { explanationScorers } from './scorers/explanation-scorers.js';
import type { ScoredExplanation, ScoreResult } from './scorers/scorer.js';
import { checkThresholds, thresholdSetFor, totalScores } from './summarize-eval.js';

/** Asks a model to rate one explanation; returns a failed result rather than throwing. */
export type CaseJudge = (request: { caseId: string; alert: Alert; explanation: unknown }) => Promise<ScoreResult>;

export interface RunExplanationEvalOptions {
  loaded: LoadedSuite;
  index: AttackIndex;
  source: ExplanationSource;
  /** Model judge, when one is configured. Otherwise `judgeStatus` gives the reason. */
  judge?: CaseJudge;
  judgeStatus: EvalReport['judge'];
  /** Run only these cases; threshold checks are then left out. */
  caseIds?: string[];
  /** Receives every explanation scored, for example to record them as JSON Lines. */
  onExplanation?: (record: { id: string; variant: 'main' | 'baseline'; explanation: unknown }) => void;
  logger?: Logger;
  now?: () => Date;
}

interface PreparedCase {
  subject: ScoredExplanation;
  baseline?: ScoredExplanation;
}

async function explainVariant(
  options: RunExplanationEvalOptions,
  testCase: EvalCase,
  text: string,
  variant: 'main' | 'baseline',
): Promise<ScoredExplanation> {
  if (testCase.storm) return explainStormVariant(options, testCase, text, variant);
  const alert = parseAlert(text, { origin: testCase.alert, ...(testCase.inputFormat ? { format: testCase.inputFormat } : {}) });
  const value = await options.source.explain({ testCase, alert, variant });
  options.onExplanation?.({ id: testCase.id, variant, explanation: value });
  return { alert, value, view: viewExplanation(value) };
}

/**
 * Explains a storm case as one consolidated record. It is scored against the storm's first
 * alert, extended with every alert's raw fields and UTC time. So facts from any alert of the
 * storm, such as the window's first and last time, count as facts of the alert.
 */
async function explainStormVariant(
  options: RunExplanationEvalOptions,
  testCase: EvalCase,
  text: string,
  variant: 'main' | 'baseline',
): Promise<ScoredExplanation> {
  const stormTexts = text.split('\n').filter((line) => line.trim() !== '');
  if (stormTexts.length === 0) throw new InputError(`${testCase.alert} contains no alerts for storm case ${testCase.id}`);
  const alerts = stormTexts.map((line, position) => parseAlert(line, { origin: `${testCase.alert}:${position + 1}`, ...(testCase.inputFormat ? { format: testCase.inputFormat } : {}) }));
  const alert: Alert = { ...alerts[0]!, raw: { alerts: alerts.map((each) => ({ timestamp: each.timestamp, raw: each.raw })) } };
  const value = await options.source.explain({ testCase, alert, variant, stormTexts });
  options.onExplanation?.({ id: testCase.id, variant, explanation: value });
  return { alert, value, view: viewExplanation(value) };
}

async function prepareCase(options: RunExplanationEvalOptions, testCase: EvalCase): Promise<PreparedCase> {
  const text = readFileSync(options.loaded.alertPaths.get(testCase.id)!, 'utf8');
  const subject = await explainVariant(options, testCase, text, 'main');
  if (!testCase.hostile) return { subject };
  const baseline = await explainVariant(options, testCase, removeAlertField(text, testCase.hostile.field), 'baseline');
  return { subject, baseline };
}

function caseHeader(testCase: EvalCase): Omit<CaseReport, 'scores' | 'passed' | 'cited'> {
  return {
    id: testCase.id,
    format: testCase.format,
    tactics: testCase.tactics,
    hostile: testCase.hostile !== undefined,
    ...(testCase.knownGap ? { knownGap: testCase.knownGap } : {}),
  };
}

function failedCase(testCase: EvalCase, message: string): CaseReport {
  const scores: Record<string, ScoreResult> = {};
  for (const scorer of explanationScorers) {
    if (scorer.appliesTo(testCase)) scores[scorer.name] = { pass: false, score: 0, reason: `not scored: ${message}` };
  }
  return { ...caseHeader(testCase), cited: [], scores, passed: false, error: message };
}

async function scoreCase(options: RunExplanationEvalOptions, testCase: EvalCase, prepared: PreparedCase): Promise<CaseReport> {
  const { suite } = options.loaded;
  const context = {
    testCase,
    subject: prepared.subject,
    index: options.index,
    maxReadingGrade: testCase.maxReadingGrade ?? suite.defaults.maxReadingGrade,
    maxWords: { ...suite.defaults.maxWords, ...testCase.maxWords },
    ...(prepared.baseline ? { baseline: prepared.baseline } : {}),
  };
  const scores: Record<string, ScoreResult> = {};
  for (const scorer of explanationScorers) {
    if (scorer.appliesTo(testCase)) scores[scorer.name] = scorer.score(context);
  }
  if (options.judge) {
    scores.judge = await options.judge({ caseId: testCase.id, alert: prepared.subject.alert, explanation: prepared.subject.value });
  }
  const cited = prepared.subject.view.techniques.map((technique) => normalizeTechniqueId(technique.id) ?? technique.id);
  return { ...caseHeader(testCase), cited, scores, passed: Object.values(scores).every((result) => result.pass) };
}

async function runCase(options: RunExplanationEvalOptions, testCase: EvalCase): Promise<CaseReport> {
  const logger = options.logger ?? silentLogger;
  if (testCase.skip) return { ...caseHeader(testCase), cited: [], scores: {}, passed: false, skipped: testCase.skip };
  let prepared: PreparedCase;
  try {
    prepared = await prepareCase(options, testCase);
  } catch (error) {
    // One case that cannot be explained becomes a failed case, never a failed run.
    const message = error instanceof Error ? error.message : String(error);
    logger.warn('case %s: %s', testCase.id, message);
    if (error instanceof Error && error.stack) logger.debug('%s', error.stack);
    return failedCase(testCase, message);
  }
  return scoreCase(options, testCase, prepared);
}

function selectCases(options: RunExplanationEvalOptions): EvalCase[] {
  const { cases } = options.loaded.suite;
  if (!options.caseIds) return cases;
  const known = new Set(cases.map((testCase) => testCase.id));
  const unknown = options.caseIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new InputError(`suite ${options.loaded.path} has no case ${unknown.map((id) => `"${id}"`).join(', ')}`, {
      hint: `Pass --case with ids from the suite, such as ${[...known].slice(0, 3).join(', ')}`,
    });
  }
  const wanted = new Set(options.caseIds);
  return cases.filter((testCase) => wanted.has(testCase.id));
}

/**
 * Runs a suite. Each case's alert is explained (or looked up), and so is the same alert
 * without its hostile field for hostile cases. Every scorer that applies scores the result,
 * and the totals are checked against the suite's thresholds for the source. Cases run
 * one after another so that reports are deterministic. Never throws for one bad case; throws
 * InputError for a requested case id that the suite does not contain.
 */
export async function runExplanationEval(options: RunExplanationEvalOptions): Promise<EvalReport> {
  const { loaded, source } = options;
  const cases: CaseReport[] = [];
  for (const testCase of selectCases(options)) cases.push(await runCase(options, testCase));

  const scorerNames = [...explanationScorers.map((scorer) => scorer.name), ...(options.judge ? ['judge'] : [])];
  const totals = totalScores(cases, scorerNames);
  const thresholdSet = options.caseIds ? undefined : thresholdSetFor(loaded.suite, source.name);
  const thresholds = checkThresholds(loaded.suite, thresholdSet, totals);
  return {
    suite: { name: loaded.suite.name, path: loaded.path, ...(loaded.suite.description ? { description: loaded.suite.description } : {}) },
    source: source.name,
    ...(source.file ? { explanationsFile: source.file } : {}),
    attackRelease: options.index.release.label,
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    cases,
    totals,
    ...(thresholdSet ? { thresholdSet } : {}),
    thresholds,
    passed: thresholds.every((check) => check.ok),
    judge: options.judgeStatus,
  };
}
