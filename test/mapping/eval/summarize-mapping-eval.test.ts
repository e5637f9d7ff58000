import { describe, expect, it } from 'vitest';
import { perTacticSummary, reliabilityTable, summarizeAccuracy, worstMisses, type RuleOutcome } from '../../../src/mapping/eval/summarize-mapping-eval.js';

function outcome(id: string, gold: string[], ranked: [string, number][], predictedCount = 1, tactics = ['execution']): RuleOutcome {
  const list = ranked.map(([technique, confidence]) => ({ id: technique, confidence }));
  return { id, title: `title ${id}`, description: `description ${id}`, gold, tactics, ranked: list, predicted: list.slice(0, predictedCount) };
}

describe('summarizeAccuracy', () => {
  it('micro-averages over rules', () => {
    const summary = summarizeAccuracy([
      outcome('a', ['T1053.002'], [['T1053.002', 0.9]]),
      outcome('b', ['T1059.001', 'T1105'], [['T1003.001', 0.6], ['T1105', 0.3]]),
    ]);
    expect(summary.exactPrecision).toBe(0.5);
    expect(summary.exactRecall).toBeCloseTo(1 / 3, 4);
    expect(summary.parentRecallAt5).toBeCloseTo(2 / 3, 4);
    expect(summary.meanPredicted).toBe(1);
  });
});

describe('reliabilityTable', () => {
  it('bins candidates by confidence', () => {
    const { table } = reliabilityTable([outcome('a', ['T1053.002'], [['T1053.002', 0.95], ['T1053', 0.95], ['T1059', 0.05]])]);
    expect(table[9]).toEqual({ from: 0.9, to: 1, count: 2, meanConfidence: 0.95, accuracy: 1 });
    expect(table[0]?.count).toBe(1);
    expect(table[0]?.accuracy).toBe(0);
  });

  it('computes the expected calibration error', () => {
    const { expectedCalibrationError } = reliabilityTable([outcome('a', ['T1059'], [['T1059', 0.55], ['T1105', 0.55]])]);
    expect(expectedCalibrationError).toBeCloseTo(0.05, 4);
  });
});

describe('worstMisses', () => {
  it('lists complete misses first, unranked gold last among them', () => {
    const misses = worstMisses([
      outcome('right', ['T1059'], [['T1059', 0.9]]),
      outcome('ranked-second', ['T1105'], [['T1059', 0.9], ['T1105', 0.2]]),
      outcome('not-ranked', ['T1003.001'], [['T1059', 0.9]]),
    ]);
    expect(misses.map((miss) => miss.id)).toEqual(['not-ranked', 'ranked-second', 'right']);
    expect(misses[1]?.firstGoldParentRank).toBe(2);
    expect(misses[0]?.firstGoldParentRank).toBeNull();
  });
});

describe('perTacticSummary', () => {
  it('groups rules by gold tactic', () => {
    const rows = perTacticSummary([outcome('a', ['T1059'], [['T1059', 0.9]], 1, ['execution']), outcome('b', ['T1105'], [['T1059', 0.9]], 1, ['command-and-control', 'execution'])]);
    expect(rows.find((row) => row.tactic === 'execution')?.n).toBe(2);
    expect(rows.find((row) => row.tactic === 'command-and-control')?.hierarchicalF1).toBe(0);
  });
});
