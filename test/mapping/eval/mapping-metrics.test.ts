import { describe, expect, it } from 'vitest';
import { closeUnderParents, countMatches, parentHitsAt, precisionRecall, scoreRule, toParents } from '../../../src/mapping/eval/mapping-metrics.js';

describe('countMatches', () => {
  it('counts hits, extra and missing IDs', () => {
    expect(countMatches(['T1053.005', 'T1059'], ['T1053.002', 'T1059'])).toEqual({ tp: 1, fp: 1, fn: 1 });
  });

  it('ignores repeats', () => {
    expect(countMatches(['T1059', 'T1059'], ['T1059'])).toEqual({ tp: 1, fp: 0, fn: 0 });
  });
});

describe('precisionRecall', () => {
  it('computes F1 from counts', () => {
    const result = precisionRecall({ tp: 2, fp: 2, fn: 0 });
    expect(result.precision).toBe(0.5);
    expect(result.recall).toBe(1);
    expect(result.f1).toBeCloseTo(2 / 3, 10);
  });

  it('returns zeros for empty counts', () => {
    expect(precisionRecall({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('closeUnderParents', () => {
  it('adds the parent of each sub-technique', () => {
    expect(closeUnderParents(['T1053.002', 'T1059']).sort()).toEqual(['T1053', 'T1053.002', 'T1059']);
  });
});

describe('toParents', () => {
  it('cuts IDs to parents without repeats', () => {
    expect(toParents(['T1053.002', 'T1053.005', 'T1059'])).toEqual(['T1053', 'T1059']);
  });
});

describe('parentHitsAt', () => {
  it('counts distinct parents in the first k places', () => {
    const ranked = ['T1053.005', 'T1053.002', 'T1059.001', 'T1105'];
    expect(parentHitsAt(ranked, ['T1105'], 2)).toEqual({ hits: 0, total: 1 });
    expect(parentHitsAt(ranked, ['T1105'], 3)).toEqual({ hits: 1, total: 1 });
  });
});

describe('scoreRule', () => {
  it('scores a wrong sibling as half right hierarchically', () => {
    const scores = scoreRule(['T1053.005'], ['T1053.005'], ['T1053.002']);
    expect(scores.exact).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(scores.parent).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(scores.hierarchical).toEqual({ tp: 1, fp: 1, fn: 1 });
  });

  it('scores a predicted parent as precise but incomplete', () => {
    const scores = scoreRule(['T1053'], ['T1053'], ['T1053.002']);
    expect(scores.hierarchical).toEqual({ tp: 1, fp: 0, fn: 1 });
  });

  it('scores parent recall over the ranked list', () => {
    const scores = scoreRule(['T1059'], ['T1059', 'T1105', 'T1053.002'], ['T1053.002', 'T1003.001']);
    expect(scores.at5).toEqual({ hits: 1, total: 2 });
  });
});
