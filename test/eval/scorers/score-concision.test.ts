import { describe, expect, it } from 'vitest';
import { scoreConcision } from '../../../src/eval/scorers/score-concision.js';
import { editedExplanation, scorerContext } from '../../support/eval-builders.js';

describe('scoreConcision', () => {
  it('passes within every limit', () => {
    const result = scoreConcision(scorerContext({ maxWords: { interpretation: 80, technique: 40, impact: 60, mitigations: 60, total: 250 } }));
    expect(result.pass).toBe(true);
    expect(result.score).toBe(1);
  });

  it('fails an over-long section', () => {
    const explanation = editedExplanation((draft) => {
      draft.impact.financial = Array.from({ length: 30 }, () => 'Recovery takes time and money.').join(' ');
    });
    const result = scoreConcision(scorerContext({ explanation, maxWords: { impact: 120 } }));
    expect(result.pass).toBe(false);
    expect(result.reason).toMatch(/impact \d+ > 120/);
  });

  it('scores the limit over the count', () => {
    const result = scoreConcision(scorerContext({ maxWords: { technique: 10 } }));
    expect(result.score).toBeCloseTo(10 / 24, 2);
  });

  it('checks each technique on its own', () => {
    expect(scoreConcision(scorerContext({ maxWords: { technique: 10 } })).reason).toContain('technique T1053.002 24 > 10');
  });

  it('passes without limits', () => {
    expect(scoreConcision(scorerContext()).reason).toBe('no word limits set');
  });
});
