import { createHash } from 'node:crypto';
import type { LabelledRule } from '../examples/labelled-rule.js';

/** Halves of an evaluation set: `dev` for looking at misses, `test` for the figure reported. */
export type EvaluationSplit = 'dev' | 'test';

/** Names the half a rule id belongs to: `dev` when the first byte of its SHA-1 is even. */
export function splitOfRule(id: string): EvaluationSplit {
  const firstByte = createHash('sha1').update(id, 'utf8').digest()[0]!;
  return firstByte % 2 === 0 ? 'dev' : 'test';
}

/**
 * Returns the rules of one split, or all rules when no split is given. The split depends on the
 * rule id alone, so it stays the same when rules are added to or removed from the set.
 */
export function selectSplit(rules: readonly LabelledRule[], split: EvaluationSplit | undefined): LabelledRule[] {
  if (split === undefined) return [...rules];
  return rules.filter((rule) => splitOfRule(rule.id) === split);
}
