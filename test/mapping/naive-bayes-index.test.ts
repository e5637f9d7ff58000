import { describe, expect, it } from 'vitest';
import { countQueryTerms } from '../../src/mapping/count-query-terms.js';
import { NaiveBayesIndex, type LabelledTokens } from '../../src/mapping/naive-bayes-index.js';

const documents: LabelledTokens[] = [
  { tokens: ['schtask', 'creat', 'task'], labels: ['T1053.005'] },
  { tokens: ['schtask', 'task', 'xml'], labels: ['T1053.005'] },
  { tokens: ['lsass', 'dump', 'minidump'], labels: ['T1003.001'] },
  { tokens: ['lsass', 'procdump'], labels: ['T1003.001', 'T1036'] },
  { tokens: ['renam', 'binary'], labels: ['T1036'] },
];

function probabilities(index: NaiveBayesIndex, tokens: string[], exclude: number[] = []): Map<string, number> {
  return new Map(index.score(tokens, 10, exclude).map(({ label, probability }) => [label, probability]));
}

describe('NaiveBayesIndex', () => {
  it('ranks the matching label first', () => {
    const index = NaiveBayesIndex.build(documents);
    expect(index.score(['lsass', 'dump'], 1)[0]?.label).toBe('T1003.001');
  });

  it('returns probabilities summing to 1', () => {
    const index = NaiveBayesIndex.build(documents);
    const total = index.score(['task', 'binary'], 10).reduce((sum, { probability }) => sum + probability, 0);
    expect(total).toBeCloseTo(1, 6);
  });

  it('scores term counts like tokens', () => {
    const index = NaiveBayesIndex.build(documents);
    const tokens = ['lsass', 'task', 'lsass'];
    expect(index.score(countQueryTerms(tokens), 3)).toEqual(index.score(tokens, 3));
  });

  it('lists labels in order of probability', () => {
    const index = NaiveBayesIndex.build(documents);
    const scored = index.score(['lsass', 'renam'], 3).map(({ probability }) => probability);
    expect(scored).toEqual([...scored].sort((a, b) => b - a));
  });

  it('returns the limit, best first', () => {
    const index = NaiveBayesIndex.build(documents);
    const scored = index.score(['schtask'], 2);
    expect(scored).toHaveLength(2);
    expect(scored[0]!.probability).toBeGreaterThanOrEqual(scored[1]!.probability);
  });

  it('returns the prior for unknown words', () => {
    const index = NaiveBayesIndex.build(documents);
    const scored = probabilities(index, ['unknown']);
    // T1053.005 has two documents, T1003.001 one and a half, T1036 one and a half.
    expect(scored.get('T1053.005')).toBeCloseTo(2 / 5, 6);
    expect(scored.get('T1036')).toBeCloseTo(1.5 / 5, 6);
  });

  it.each([[['schtask', 'lsass', 'task']], [['xml', 'procdump', 'renam']]])('holds documents out exactly for %j', (query) => {
    const full = NaiveBayesIndex.build(documents);
    const without = NaiveBayesIndex.build(documents.filter((_, position) => position !== 1 && position !== 3));
    const heldOut = probabilities(full, query, [1, 3]);
    for (const [label, probability] of probabilities(without, query)) expect(heldOut.get(label)).toBeCloseTo(probability, 6);
  });

  it('drops fully held-out labels', () => {
    const index = NaiveBayesIndex.build(documents);
    expect(probabilities(index, ['binary'], [3, 4]).has('T1036')).toBe(false);
  });

  it('ranks alike after a JSON round trip', () => {
    const index = NaiveBayesIndex.build(documents);
    const restored = NaiveBayesIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    const query = ['lsass', 'renam', 'task'];
    const before = index.score(query, 10);
    const after = restored.score(query, 10);
    expect(after.map(({ label }) => label)).toEqual(before.map(({ label }) => label));
    after.forEach(({ probability }, position) => expect(probability).toBeCloseTo(before[position]!.probability, 6));
  });

  it('rejects a hold-out on a restored index', () => {
    const restored = NaiveBayesIndex.fromJSON(NaiveBayesIndex.build(documents).toJSON());
    expect(() => restored.score(['lsass'], 3, [0])).toThrow(/restored from JSON/);
  });

  it('skips documents without labels', () => {
    const index = NaiveBayesIndex.build([...documents, { tokens: ['lsass'], labels: [] }]);
    expect(probabilities(index, ['unknown']).get('T1053.005')).toBeCloseTo(2 / 5, 6);
  });
});
