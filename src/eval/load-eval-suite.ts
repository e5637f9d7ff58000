import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { AttackIndex } from '../attack/attack-index.js';
import { InputError } from '../errors/input-error.js';
import { evalSuiteSchema, type EvalCase, type EvalSuite } from './eval-suite-schema.js';
import { removeAlertField } from './remove-alert-field.js';
import { explanationScorers } from './scorers/explanation-scorers.js';
import { allScorersName } from './summarize-eval.js';

export interface LoadedSuite {
  suite: EvalSuite;
  /** Path of the suite file as given. */
  path: string;
  /** Absolute path of each case's alert fixture, by case id. */
  alertPaths: Map<string, string>;
}

function issuePath(path: PropertyKey[], suite: unknown): string {
  const cases = (suite as { cases?: { id?: unknown }[] } | undefined)?.cases;
  return path
    .map((key, position) => {
      if (typeof key !== 'number') return position === 0 ? String(key) : `.${String(key)}`;
      const id = position === 1 && path[0] === 'cases' ? cases?.[key]?.id : undefined;
      return typeof id === 'string' ? `[${key}] (${id})` : `[${key}]`;
    })
    .join('');
}

function readSuiteValue(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read suite ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`, {
      hint: 'Pass --suite with the path of a suite file such as evals/explanations.yaml',
      cause: error,
    });
  }
  try {
    return parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new InputError(`suite ${path} is not valid YAML: ${reason}`, { hint: 'Fix the YAML syntax at that line', cause: error });
  }
}

function validate(path: string, value: unknown): EvalSuite {
  const result = evalSuiteSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  throw new InputError(`suite ${path}: invalid ${issuePath(issue.path, value) || 'suite'}: ${issue.message}`, {
    hint: 'See docs/evals.md for the suite format',
  });
}

function checkCase(path: string, testCase: EvalCase, seen: Set<string>): void {
  if (seen.has(testCase.id)) throw new InputError(`suite ${path}: case id "${testCase.id}" appears more than once`, { hint: 'Give every case its own id' });
  seen.add(testCase.id);
  for (const pattern of [...testCase.mustNot.patterns, ...testCase.mustMention.patterns]) {
    try {
      new RegExp(pattern, 'iu');
    } catch (error) {
      throw new InputError(`suite ${path}: case ${testCase.id}: invalid pattern "${pattern}": ${(error as Error).message}`, {
        hint: 'Write the pattern as a JavaScript regular expression',
      });
    }
  }
}

function checkHostileField(path: string, testCase: EvalCase, alertPath: string): void {
  try {
    removeAlertField(readFileSync(alertPath, 'utf8'), testCase.hostile!.field);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(`suite ${path}: case ${testCase.id}: ${error.message}`, { hint: error.hint ?? 'Fix the hostile field path', cause: error });
  }
}

/** Scorer names a threshold may name: every explanation scorer, the model judge and "all". */
const thresholdScorerNames = [...explanationScorers.map((scorer) => scorer.name), 'judge', allScorersName];

// A misspelled scorer would otherwise measure nothing and fail the run as a low score.
function checkThresholdScorers(path: string, suite: EvalSuite): void {
  for (const [setName, thresholds] of Object.entries(suite.thresholds)) {
    for (const scorer of Object.keys(thresholds)) {
      if (thresholdScorerNames.includes(scorer)) continue;
      throw new InputError(`suite ${path}: thresholds.${setName}: unknown scorer "${scorer}"`, {
        hint: `Use one of: ${thresholdScorerNames.join(', ')}`,
      });
    }
  }
}

/**
 * Reads and validates a suite file (YAML): its shape, unique case ids, valid patterns, alert
 * fixtures that exist, threshold scorer names that exist and hostile fields that can be removed
 * from their alert. Throws InputError naming the suite, the case and the field.
 */
export function loadEvalSuite(path: string): LoadedSuite {
  const suite = validate(path, readSuiteValue(path));
  checkThresholdScorers(path, suite);
  const alertPaths = new Map<string, string>();
  const seen = new Set<string>();
  for (const testCase of suite.cases) {
    checkCase(path, testCase, seen);
    const alertPath = resolve(dirname(path), testCase.alert);
    if (!existsSync(alertPath)) {
      throw new InputError(`suite ${path}: case ${testCase.id}: alert fixture ${testCase.alert} not found (looked for ${alertPath})`, {
        hint: 'Alert paths are relative to the suite file',
      });
    }
    alertPaths.set(testCase.id, alertPath);
    if (testCase.hostile) checkHostileField(path, testCase, alertPath);
  }
  return { suite, path, alertPaths };
}

/**
 * Checks a suite's expectations against the loaded ATT&CK release: every expected technique
 * must be active (neither unknown, revoked nor deprecated) and every tactic must exist.
 * Forbidden techniques may be revoked or unknown, since that is often why they are forbidden.
 * Throws InputError naming the case and the ID.
 */
export function checkSuiteAgainstRelease(loaded: LoadedSuite, index: AttackIndex): void {
  const tactics = new Set(index.domains.flatMap((domain) => domain.tactics.map((tactic) => tactic.shortname)));
  for (const testCase of loaded.suite.cases) {
    const { anyOf, allOf, acceptable } = testCase.techniques;
    for (const id of [...anyOf, ...allOf, ...acceptable]) {
      const resolution = index.resolveTechnique(id);
      if (resolution.status !== 'active') {
        throw new InputError(`suite ${loaded.path}: case ${testCase.id}: expected technique ${id} is ${resolution.status} in ${index.release.label}`, {
          hint: resolution.note ?? 'Expect only techniques that the loaded release lists as active',
        });
      }
    }
    for (const tactic of testCase.tactics) {
      if (!tactics.has(tactic)) {
        throw new InputError(`suite ${loaded.path}: case ${testCase.id}: unknown tactic "${tactic}"`, {
          hint: `Use an ATT&CK tactic shortname such as ${[...tactics].slice(0, 3).join(', ')}`,
        });
      }
    }
  }
}
