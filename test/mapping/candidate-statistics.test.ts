import { describe, expect, it } from 'vitest';
import { candidateStatistics, sourceSlot } from '../../src/mapping/candidate-statistics.js';
import { buildEvidence } from './support/build-evidence.js';

const names: Record<string, string[]> = { T1053: ['schedul', 'task', 'job'], 'T1053.005': ['schedul', 'task'], 'T1053.002': ['at'], T1059: ['command'] };
const nameTerms = (id: string) => names[id];

describe('candidateStatistics', () => {
  const stats = candidateStatistics(
    buildEvidence({
      queryTerms: new Set(['schedul', 'task']),
      neighbours: [
        { id: 'T1053.005', score: 0.5 },
        { id: 'T1053.002', score: 0.4 },
        { id: 'T1053.005', score: 0.3 },
        { id: 'T1059', score: 0.6 },
      ],
      profile: [{ id: 'T1053', score: 0.2 }],
    }),
    nameTerms,
  );
  const slot = sourceSlot.neighbours;

  it('sums support per technique', () => {
    expect(stats.techniques.get('T1053.005')!.sum(slot)).toBeCloseTo(0.8, 9);
  });

  it('sums member support per family', () => {
    expect(stats.families.get('T1053')!.sum(slot)).toBeCloseTo(1.2, 9);
  });

  it('keeps the largest member score', () => {
    expect(stats.families.get('T1053')!.max(slot)).toBe(0.5);
  });

  it('ranks techniques within each source by sum', () => {
    expect(stats.techniques.get('T1053.005')!.rank(slot)).toBe(1);
    expect(stats.techniques.get('T1059')!.rank(slot)).toBe(2);
  });

  it('ranks families within each source by sum', () => {
    expect(stats.families.get('T1053')!.rank(slot)).toBe(1);
    expect(stats.families.get('T1059')!.rank(slot)).toBe(2);
  });

  it('leaves a source without support at rank 0', () => {
    expect(stats.techniques.get('T1059')!.rank(sourceSlot.profile)).toBe(0);
  });

  it('takes the best member name overlap', () => {
    expect(stats.families.get('T1053')!.nameOverlap).toBe(1);
  });

  it('scores a technique by its own name', () => {
    expect(stats.techniques.get('T1053.002')!.nameOverlap).toBe(0);
  });

  it('fuses ranks with the constant', () => {
    // T1053 is first for neighbours and for profiles: 2 × 1 / (1 + 1).
    expect(stats.families.get('T1053')!.fusedRank(1)).toBeCloseTo(1, 9);
  });
});
