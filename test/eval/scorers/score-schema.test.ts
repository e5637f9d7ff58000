import { describe, expect, it } from 'vitest';
import { scoreSchema } from '../../../src/eval/scorers/score-schema.js';
import { editedExplanation, evalCase, scorerContext } from '../../support/eval-builders.js';

describe('scoreSchema', () => {
  it('passes a complete explanation', () => {
    const result = scoreSchema(scorerContext());
    expect(result).toEqual({ pass: true, score: 1, reason: 'valid, with all four sections filled' });
  });

  it('fails a missing impact section', () => {
    const explanation = editedExplanation((draft) => {
      delete (draft as Partial<typeof draft>).impact;
    });
    const result = scoreSchema(scorerContext({ explanation }));
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('impact.dataBreach');
    expect(result.score).toBeLessThan(1);
  });

  it('fails an empty kind of mitigation', () => {
    const explanation = editedExplanation((draft) => {
      draft.mitigations.bestPractices = [];
    });
    const result = scoreSchema(scorerContext({ explanation }));
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('mitigations.bestPractices');
  });

  it('fails a blank impact aspect', () => {
    const explanation = editedExplanation((draft) => {
      draft.impact.financial = '  ';
    });
    expect(scoreSchema(scorerContext({ explanation })).reason).toContain('impact.financial');
  });

  it('fails no techniques when the case expects one', () => {
    const explanation = editedExplanation((draft) => {
      draft.techniques = [];
    });
    expect(scoreSchema(scorerContext({ explanation })).pass).toBe(false);
  });

  it('passes no techniques when none is expected', () => {
    const explanation = editedExplanation((draft) => {
      draft.techniques = [];
    });
    const testCase = evalCase({ techniques: {} });
    expect(scoreSchema(scorerContext({ explanation, testCase })).pass).toBe(true);
  });

  it('scores a value that is not an explanation as zero', () => {
    const result = scoreSchema(scorerContext({ explanation: 'not an object' }));
    expect(result.score).toBe(0);
    expect(result.reason).toContain('invalid against the schema');
  });
});
