import { describe, expect, it } from 'vitest';
import { countQueryTerms } from '../../src/mapping/count-query-terms.js';
import { VectorIndex } from '../../src/mapping/vector-index.js';

const documents = [
  ['schedul', 'task', 'creat'],
  ['credential', 'dump', 'lsass'],
  ['schedul', 'job', 'cron'],
];

describe('VectorIndex', () => {
  it('ranks the most similar document first', () => {
    const index = VectorIndex.build(documents);
    const hits = index.search(index.queryVector(['lsass', 'dump']), 3);
    expect(hits[0]?.doc).toBe(1);
  });

  it('scores an identical document with cosine 1', () => {
    const index = VectorIndex.build(documents);
    const hits = index.search(index.queryVector(['credential', 'dump', 'lsass']), 1);
    expect(hits[0]?.score).toBeCloseTo(1, 5);
  });

  it('returns at most the limit, best first', () => {
    const index = VectorIndex.build(documents);
    const hits = index.search(index.queryVector(['schedul', 'task']), 1);
    expect(hits).toEqual([{ doc: 0, score: expect.any(Number) }]);
  });

  it('leaves out skipped documents', () => {
    const index = VectorIndex.build(documents);
    const hits = index.search(index.queryVector(['schedul']), 3, (doc) => doc === 0);
    expect(hits.map((hit) => hit.doc)).toEqual([2]);
  });

  it('ignores unknown terms', () => {
    const index = VectorIndex.build(documents);
    expect(index.search(index.queryVector(['unknown']), 3)).toEqual([]);
  });

  it('gives the same results after a JSON round trip', () => {
    const index = VectorIndex.build(documents);
    const restored = VectorIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    const query = ['schedul', 'cron'];
    expect(restored.search(restored.queryVector(query), 3)).toEqual(index.search(index.queryVector(query), 3));
  });

  it('can be searched again after a search', () => {
    const index = VectorIndex.build(documents);
    const first = index.search(index.queryVector(['schedul']), 3);
    const second = index.search(index.queryVector(['schedul']), 3);
    expect(second).toEqual(first);
  });

  it('breaks ties by lower document', () => {
    const index = VectorIndex.build([['cron', 'job'], ['lsass'], ['cron', 'job'], ['cron', 'job']]);
    const hits = index.search(index.queryVector(['cron']), 2);
    expect(hits.map((hit) => hit.doc)).toEqual([0, 2]);
  });

  it('keeps later higher-scoring hits', () => {
    const index = VectorIndex.build([['schedul', 'a1', 'a2', 'a3'], ['schedul', 'a1'], ['schedul']]);
    const hits = index.search(index.queryVector(['schedul']), 2);
    expect(hits.map((hit) => hit.doc)).toEqual([2, 1]);
  });

  it('takes term counts like tokens', () => {
    const index = VectorIndex.build(documents);
    const tokens = ['schedul', 'task', 'schedul'];
    expect(index.queryVector(countQueryTerms(tokens))).toEqual(index.queryVector(tokens));
  });

  it('grows the limit between searches', () => {
    const index = VectorIndex.build(documents);
    index.search(index.queryVector(['schedul']), 1);
    expect(index.search(index.queryVector(['schedul']), 3)).toHaveLength(2);
  });
});
