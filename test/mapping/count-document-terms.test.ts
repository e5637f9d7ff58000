import { describe, expect, it } from 'vitest';
import { countDocumentTerms, mergeCountedDocuments } from '../../src/mapping/count-document-terms.js';

function termCounts(counted: ReturnType<typeof countDocumentTerms>, document: number): Record<string, number> {
  const { terms, termCounts: counts } = counted.documents[document]!;
  return Object.fromEntries([...terms].map((term, entry) => [counted.terms[term]!, counts[entry]!]));
}

describe('countDocumentTerms', () => {
  it('numbers terms in sorted order', () => {
    const counted = countDocumentTerms([['task', 'lsass'], ['dump']]);
    expect(counted.terms).toEqual(['dump', 'lsass', 'task']);
  });

  it('counts repeated terms per document', () => {
    const counted = countDocumentTerms([['task', 'lsass', 'task'], ['dump', 'task']]);
    expect(termCounts(counted, 0)).toEqual({ task: 2, lsass: 1 });
    expect(termCounts(counted, 1)).toEqual({ dump: 1, task: 1 });
  });

  it('handles empty documents', () => {
    const counted = countDocumentTerms([[], ['task']]);
    expect(counted.documents[0]!.terms).toHaveLength(0);
  });
});

describe('mergeCountedDocuments', () => {
  it('shares one sorted vocabulary', () => {
    const merged = mergeCountedDocuments(countDocumentTerms([['task', 'lsass']]), countDocumentTerms([['dump', 'task']]));
    expect(merged.terms).toEqual(['dump', 'lsass', 'task']);
  });

  it('keeps each document and its counts', () => {
    const merged = mergeCountedDocuments(countDocumentTerms([['task', 'task', 'lsass']]), countDocumentTerms([['dump', 'task']]));
    expect(termCounts(merged, 0)).toEqual({ task: 2, lsass: 1 });
    expect(termCounts(merged, 1)).toEqual({ dump: 1, task: 1 });
  });
});
