import { describe, expect, it } from 'vitest';
import { closeUnderParents, scoreTechniques } from '../../../src/eval/scorers/score-techniques.js';
import { editedExplanation, evalCase, goodExplanation, scorerContext } from '../../support/eval-builders.js';

function citing(...ids: string[]) {
  const template = goodExplanation().techniques[0]!;
  return editedExplanation((draft) => {
    draft.techniques = ids.map((id) => ({ ...template, id }));
  });
}

describe('closeUnderParents', () => {
  it('adds the parent of a sub-technique', () => {
    expect([...closeUnderParents(['T1053.002'])].sort()).toEqual(['T1053', 'T1053.002']);
  });
});

describe('scoreTechniques', () => {
  it('passes the expected sub-technique', () => {
    const result = scoreTechniques(scorerContext());
    expect(result.pass).toBe(true);
    expect(result.score).toBe(1);
  });

  it('gives the parent half the recall', () => {
    const testCase = evalCase({ techniques: { anyOf: ['T1053.002'] } });
    const result = scoreTechniques(scorerContext({ explanation: citing('T1053'), testCase }));
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('recall 0.50');
  });

  it('fails a hallucinated ID', () => {
    const result = scoreTechniques(scorerContext({ explanation: citing('T9999') }));
    expect(result.pass).toBe(false);
    expect(result.score).toBe(0);
    expect(result.reason).toContain('not expected: T9999');
  });

  it('lowers precision for an unexpected extra', () => {
    const result = scoreTechniques(scorerContext({ explanation: citing('T1053.002', 'T1110', 'T1190') }));
    expect(result.reason).toContain('precision 0.50');
    expect(result.score).toBeLessThan(1);
  });

  it('fails when precision drops below one half', () => {
    const result = scoreTechniques(scorerContext({ explanation: citing('T1053.002', 'T1110', 'T1190', 'T1046') }));
    expect(result.pass).toBe(false);
  });

  it('counts acceptable IDs as right', () => {
    const testCase = evalCase({ techniques: { anyOf: ['T1053.002'], acceptable: ['T1053.005'] } });
    const result = scoreTechniques(scorerContext({ explanation: citing('T1053.002', 'T1053.005'), testCase }));
    expect(result.reason).toContain('precision 1.00');
  });

  it('requires every all-of ID', () => {
    const testCase = evalCase({ techniques: { allOf: ['T1053.002', 'T1021.002'] } });
    const result = scoreTechniques(scorerContext({ testCase }));
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('missing T1021.002');
  });

  it('normalises other spellings of an ID', () => {
    expect(scoreTechniques(scorerContext({ explanation: citing('t1053/002') })).pass).toBe(true);
  });

  it('passes silence when no technique fits', () => {
    const testCase = evalCase({ techniques: {} });
    expect(scoreTechniques(scorerContext({ explanation: citing(), testCase })).pass).toBe(true);
  });

  it('fails a technique when none fits', () => {
    const testCase = evalCase({ techniques: {} });
    expect(scoreTechniques(scorerContext({ explanation: citing('T1053.002'), testCase })).pass).toBe(false);
  });
});
