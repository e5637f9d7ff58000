import type { EvalCase } from '../eval-suite-schema.js';
import type { Scorer } from './scorer.js';
import { scoreConcision } from './score-concision.js';
import { scoreCoverage } from './score-coverage.js';
import { scoreFaithfulness } from './score-faithfulness.js';
import { scoreForbidden } from './score-forbidden.js';
import { scoreGrounding } from './score-grounding.js';
import { scoreInjection } from './score-injection.js';
import { scoreReadability } from './score-readability.js';
import { scoreSchema } from './score-schema.js';
import { scoreTechniques } from './score-techniques.js';

export interface NamedScorer {
  name: string;
  score: Scorer;
  /** Whether the scorer has anything to judge in a case; inapplicable cells show "n/a". */
  appliesTo: (testCase: EvalCase) => boolean;
}

const always = () => true;

/** Every explanation scorer, in report order. */
export const explanationScorers: readonly NamedScorer[] = [
  { name: 'schema', score: scoreSchema, appliesTo: always },
  { name: 'techniques', score: scoreTechniques, appliesTo: always },
  { name: 'grounding', score: scoreGrounding, appliesTo: always },
  { name: 'faithfulness', score: scoreFaithfulness, appliesTo: always },
  { name: 'coverage', score: scoreCoverage, appliesTo: (testCase) => Object.values(testCase.mustMention).some((values) => values.length > 0) },
  { name: 'forbidden', score: scoreForbidden, appliesTo: (testCase) => Object.values(testCase.mustNot).some((values) => values.length > 0) },
  { name: 'readability', score: scoreReadability, appliesTo: always },
  { name: 'concision', score: scoreConcision, appliesTo: always },
  { name: 'injection', score: scoreInjection, appliesTo: (testCase) => testCase.hostile !== undefined },
];
