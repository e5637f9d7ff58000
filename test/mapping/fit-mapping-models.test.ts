import { describe, expect, it } from 'vitest';
import { chooseExtraThreshold, spreadSample } from '../../src/mapping/fit-mapping-models.js';

describe('chooseExtraThreshold', () => {
  it('keeps second families that are usually right', () => {
    const queries = Array.from({ length: 10 }, () => ({ probabilities: [0.9, 0.3, 0.1], labels: [1, 1, 0] as (0 | 1)[] }));
    expect(chooseExtraThreshold(queries)).toBeLessThanOrEqual(0.3);
  });

  it('drops second families that are usually wrong', () => {
    const queries = Array.from({ length: 10 }, () => ({ probabilities: [0.9, 0.6, 0.1], labels: [1, 0, 0] as (0 | 1)[] }));
    expect(chooseExtraThreshold(queries)).toBeGreaterThan(0.6);
  });
});

describe('spreadSample', () => {
  it('spreads picks over the list', () => {
    expect(spreadSample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5)).toEqual([0, 2, 4, 6, 8]);
  });

  it('returns short lists whole', () => {
    expect(spreadSample([1, 2], 5)).toEqual([1, 2]);
  });
});
