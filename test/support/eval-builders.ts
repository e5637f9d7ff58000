import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Alert } from '../../src/alert/alert-schema.js';
import { parseAlert } from '../../src/alert/parse-alert.js';
import type { AttackIndex } from '../../src/attack/attack-index.js';
import { loadAttackIndex } from '../../src/attack/load-attack-index.js';
import { evalCaseSchema, type EvalCase } from '../../src/eval/eval-suite-schema.js';
import { viewExplanation } from '../../src/eval/explanation-view.js';
import type { ScorerContext } from '../../src/eval/scorers/scorer.js';
import type { Explanation } from '../../src/explanation/explanation-schema.js';
import { silentLogger } from '../../src/logging/logger.js';
import { repositoryRoot } from './real-attack.js';
import { writeTinyBundle } from './tiny-bundle.js';

let tiny: { path: string; index: AttackIndex } | undefined;

/** Writes the tiny ATT&CK bundle once per worker and returns its path and index. */
export function tinyAttack(): { path: string; index: AttackIndex } {
  if (!tiny) {
    const path = writeTinyBundle({ stixVersion: '2.1' });
    tiny = { path, index: loadAttackIndex({ attackPath: path, dataDir: process.env.IDS_EXPLAIN_DATA_DIR!, cacheDir: false, logger: silentLogger }) };
  }
  return tiny;
}

/** Parses the reference alert: remote task creation through ATSVC, from 192.0.2.4 to 10.2.2.10. */
export function referenceAlert(): Alert {
  const path = join(repositoryRoot, 'fixtures/alerts/atsvc-remote-task.txt');
  return parseAlert(readFileSync(path, 'utf8'), { origin: path });
}

/**
 * Returns a correct explanation of the reference alert, grounded in the tiny bundle: T1053.002 with
 * its canonical name, tactics, URL and a verbatim quote, and M1028, which ATT&CK links to it.
 */
export function goodExplanation(index: AttackIndex = tinyAttack().index): Explanation {
  const technique = index.technique('T1053.002')!;
  const mitigation = index.mitigation('M1028')!;
  return {
    interpretation: {
      summary:
        'A sensor saw a task set up from 192.0.2.4 on 10.2.2.10. Someone may have used the old Windows "at" tool to run a program there. Treat it as a possible attack until the owner confirms it.',
      details: 'The alert names the ATSVC interface, the part of Windows that takes old "at" jobs.',
    },
    techniques: [
      {
        id: technique.id,
        name: technique.displayName,
        tactics: index.tacticsOf(technique).map((tactic) => ({ id: tactic.id, name: tactic.name })),
        explanation: 'According to MITRE ATT&CK, T1053.002 is the abuse of the at tool to run code. It fits because the alert names the ATSVC pipe.',
        attackQuote: 'Adversaries may abuse the at utility to perform task scheduling for initial or recurring execution of malicious code.',
        url: technique.url,
      },
    ],
    impact: {
      dataBreach: 'A program run this way on 10.2.2.10 can read the data its account can reach.',
      serviceDisruption: 'The same program could stop services on 10.2.2.10.',
      financial: 'Cleaning up takes staff time and may stop work.',
      reputational: 'If data leaks, customers may lose trust.',
    },
    mitigations: {
      immediate: [{ action: 'Ask the owners of 192.0.2.4 and 10.2.2.10 whether the task was planned.' }],
      longTerm: [{ action: 'Make scheduled tasks run as the account that created them.', mitigation: { id: mitigation.id, name: mitigation.name, url: mitigation.url } }],
      bestPractices: [{ action: 'Alert on new scheduled tasks created from another computer.' }],
    },
    metadata: {
      attackRelease: index.release.label,
      attackDomain: index.primary.domain,
      backend: 'test',
      generatedAt: '2026-03-01T00:00:00.000Z',
      alertFingerprint: '0000000000000000',
    },
  };
}

/** Builds a suite case from partial fields, with the reference alert's expectations as defaults. */
export function evalCase(fields: Record<string, unknown> = {}): EvalCase {
  return evalCaseSchema.parse({
    id: 'reference',
    alert: 'reference.txt',
    format: 'key/value text',
    tactics: ['execution'],
    why: 'test case',
    techniques: { anyOf: ['T1053.002', 'T1053'] },
    ...fields,
  });
}

export interface ContextOptions {
  explanation?: unknown;
  testCase?: EvalCase;
  baseline?: unknown;
  maxReadingGrade?: number;
  maxWords?: ScorerContext['maxWords'];
}

/** Builds a scorer context for the reference alert over the tiny bundle. */
export function scorerContext(options: ContextOptions = {}): ScorerContext {
  const alert = referenceAlert();
  const value = options.explanation ?? goodExplanation();
  const context: ScorerContext = {
    testCase: options.testCase ?? evalCase(),
    subject: { alert, value, view: viewExplanation(value) },
    index: tinyAttack().index,
    maxReadingGrade: options.maxReadingGrade ?? 9,
    maxWords: options.maxWords ?? {},
  };
  if (options.baseline !== undefined) context.baseline = { alert, value: options.baseline, view: viewExplanation(options.baseline) };
  return context;
}

/** Returns a deep copy of the good explanation changed by `edit`. */
export function editedExplanation(edit: (explanation: Explanation) => void): Explanation {
  const explanation = structuredClone(goodExplanation());
  edit(explanation);
  return explanation;
}
