import { describe, expect, it } from 'vitest';
import { fitLogistic, predictProbability } from '../../src/mapping/logistic-model.js';

/** Rows where the label is 1 with probability 0.2 at x = 0 and 0.8 at x = 1, exactly. */
function twoLevelRows() {
  const rows: number[][] = [];
  const labels: (0 | 1)[] = [];
  for (let i = 0; i < 100; i += 1) {
    rows.push([0]);
    labels.push(i < 20 ? 1 : 0);
    rows.push([1]);
    labels.push(i < 80 ? 1 : 0);
  }
  return { rows, labels };
}

describe('fitLogistic', () => {
  it('recovers calibrated probabilities', () => {
    const model = fitLogistic({ ...twoLevelRows(), l2: 0 });
    expect(predictProbability(model, [0])).toBeCloseTo(0.2, 3);
    expect(predictProbability(model, [1])).toBeCloseTo(0.8, 3);
  });

  it('keeps fixed weights as given', () => {
    const model = fitLogistic({ ...twoLevelRows(), fixed: new Map([[0, 0]]) });
    expect(model.weights[0]).toBe(0);
    expect(predictProbability(model, [1])).toBeCloseTo(0.5, 2);
  });

  it('shrinks weights with the L2 penalty', () => {
    const loose = fitLogistic({ ...twoLevelRows(), l2: 0 });
    const tight = fitLogistic({ ...twoLevelRows(), l2: 50 });
    expect(Math.abs(tight.weights[0]!)).toBeLessThan(Math.abs(loose.weights[0]!));
  });
});
