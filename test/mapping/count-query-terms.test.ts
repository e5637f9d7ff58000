import { describe, expect, it } from 'vitest';
import { asQueryTermCounts, countQueryTerms } from '../../src/mapping/count-query-terms.js';

describe('countQueryTerms', () => {
  it('counts repeated terms', () => {
    expect(countQueryTerms(['task', 'cron', 'task']).get('task')).toBe(2);
  });

  it('keeps the order of first occurrence', () => {
    expect([...countQueryTerms(['cron', 'task', 'cron', 'at']).keys()]).toEqual(['cron', 'task', 'at']);
  });
});

describe('asQueryTermCounts', () => {
  it('returns counts as they are', () => {
    const counts = countQueryTerms(['task']);
    expect(asQueryTermCounts(counts)).toBe(counts);
  });

  it('counts tokens', () => {
    expect([...asQueryTermCounts(['at', 'at'])]).toEqual([['at', 2]]);
  });
});
