import { explanationSchema } from '../../explanation/explanation-schema.js';
import { impactAspects, mitigationKinds } from '../explanation-view.js';
import { clampScore, listForReason, type ScoreResult, type ScorerContext } from './scorer.js';

interface Check {
  name: string;
  ok: boolean;
}

function structureChecks({ subject, testCase }: ScorerContext): Check[] {
  const { view } = subject;
  const expectsTechniques = testCase.techniques.anyOf.length > 0 || testCase.techniques.allOf.length > 0;
  const checks: Check[] = [
    { name: 'interpretation.summary', ok: view.interpretation.summary.trim() !== '' },
    { name: 'techniques', ok: !expectsTechniques || view.techniques.length > 0 },
  ];
  for (const aspect of impactAspects) checks.push({ name: `impact.${aspect}`, ok: view.impact[aspect].trim() !== '' });
  for (const kind of mitigationKinds) {
    const items = view.mitigations[kind];
    checks.push({ name: `mitigations.${kind}`, ok: items.length > 0 && items.every((item) => item.action.trim() !== '') });
  }
  return checks;
}

/**
 * Scores the structure: the explanation must validate against the explanation schema and
 * have a non-empty summary, a technique when the case expects one, all four impact aspects
 * and all three kinds of mitigation, none empty. The score is the share of these checks
 * (schema validity being one of them) that pass.
 */
export function scoreSchema(context: ScorerContext): ScoreResult {
  const parsed = explanationSchema.safeParse(context.subject.value);
  const checks = [{ name: 'schema', ok: parsed.success }, ...structureChecks(context)];
  const failed = checks.filter((check) => !check.ok);
  const score = clampScore((checks.length - failed.length) / checks.length);
  if (failed.length === 0) return { pass: true, score, reason: 'valid, with all four sections filled' };

  const problems: string[] = [];
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    problems.push(`invalid against the schema at ${issue?.path.join('.') || 'the top level'}: ${issue?.message}`);
  }
  const empty = failed.filter((check) => check.name !== 'schema').map((check) => check.name);
  if (empty.length > 0) problems.push(`missing or empty: ${listForReason(empty, 9)}`);
  return { pass: false, score, reason: problems.join('; ') };
}
