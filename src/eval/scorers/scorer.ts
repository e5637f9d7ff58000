import type { Alert } from '../../alert/alert-schema.js';
import type { AttackIndex } from '../../attack/attack-index.js';
import type { EvalCase, WordLimits } from '../eval-suite-schema.js';
import type { ExplanationView } from '../explanation-view.js';

/** Scorer result: whether the case passes, a score from 0 to 1 and a readable reason. */
export interface ScoreResult {
  pass: boolean;
  score: number;
  reason: string;
}

/** One explanation of one alert, as produced or as read from a file. */
export interface ScoredExplanation {
  alert: Alert;
  /** The explanation exactly as received; it may not match the schema. */
  value: unknown;
  view: ExplanationView;
}

/** Everything a scorer may look at; scorers never read files, the clock or the network. */
export interface ScorerContext {
  testCase: EvalCase;
  subject: ScoredExplanation;
  index: AttackIndex;
  /** Suite defaults merged with the case's own limits. */
  maxReadingGrade: number;
  maxWords: WordLimits;
  /** For hostile cases: the explanation of the same alert with the hostile field removed. */
  baseline?: ScoredExplanation;
}

export type Scorer = (context: ScorerContext) => ScoreResult;

/** Rounds a score to three decimals and keeps it within 0 and 1. */
export function clampScore(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

/** Lists values as "a, b and c", quoting none, for reasons. */
export function listForReason(values: string[], max = 5): string {
  const shown = values.slice(0, max);
  const more = values.length > max ? ` and ${values.length - max} more` : '';
  if (shown.length <= 1) return `${shown[0] ?? ''}${more}`;
  return more ? `${shown.join(', ')}${more}` : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
