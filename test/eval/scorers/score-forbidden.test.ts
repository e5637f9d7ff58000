import { describe, expect, it } from 'vitest';
import { scoreForbidden } from '../../../src/eval/scorers/score-forbidden.js';
import { editedExplanation, evalCase, scorerContext } from '../../support/eval-builders.js';

describe('scoreForbidden', () => {
  it('passes when nothing forbidden occurs', () => {
    const testCase = evalCase({ mustNot: { techniques: ['T1053.001'], verdicts: ['benign'], patterns: ['logged-on user'] } });
    expect(scoreForbidden(scorerContext({ testCase })).pass).toBe(true);
  });

  it('fails a forbidden technique in any spelling', () => {
    const explanation = editedExplanation((draft) => {
      draft.interpretation.details = 'Sigma tags it attack.t1053.001.';
    });
    const testCase = evalCase({ mustNot: { techniques: ['T1053.001'] } });
    const result = scoreForbidden(scorerContext({ explanation, testCase }));
    expect(result.pass).toBe(false);
    expect(result.reason).toBe('names T1053.001');
  });

  it('fails a benign verdict', () => {
    const explanation = editedExplanation((draft) => {
      draft.impact.reputational = 'The activity is benign.';
    });
    const testCase = evalCase({ mustNot: { verdicts: ['benign', 'close-alert'] } });
    const result = scoreForbidden(scorerContext({ explanation, testCase }));
    expect(result.score).toBe(0.5);
    expect(result.reason).toContain('gives the verdict benign in impact.reputational');
  });

  it('ignores a negated verdict', () => {
    const explanation = editedExplanation((draft) => {
      draft.impact.reputational = 'Nothing shows that this is a false positive.';
    });
    const testCase = evalCase({ mustNot: { verdicts: ['false-positive'] } });
    expect(scoreForbidden(scorerContext({ explanation, testCase })).pass).toBe(true);
  });

  it('fails a forbidden pattern', () => {
    const explanation = editedExplanation((draft) => {
      draft.interpretation.summary += ' The task ran as the logged-on user.';
    });
    const testCase = evalCase({ mustNot: { patterns: ['ran as the logged-on user'] } });
    expect(scoreForbidden(scorerContext({ explanation, testCase })).pass).toBe(false);
  });
});
