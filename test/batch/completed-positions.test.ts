import { describe, expect, it } from 'vitest';
import { CompletedPositions } from '../../src/batch/completed-positions.js';

describe('CompletedPositions', () => {
  it('remembers lines per file', () => {
    const completed = new CompletedPositions();
    completed.add({ file: 'a.jsonl', line: 5 });
    expect(completed.has({ file: 'a.jsonl', line: 5 })).toBe(true);
    expect(completed.has({ file: 'b.jsonl', line: 5 })).toBe(false);
    expect(completed.has({ file: 'a.jsonl', line: 6 })).toBe(false);
  });

  it('grows for large line numbers', () => {
    const completed = new CompletedPositions();
    completed.add({ file: 'a.jsonl', line: 1_000_000 });
    expect(completed.has({ file: 'a.jsonl', line: 1_000_000 })).toBe(true);
    expect(completed.has({ file: 'a.jsonl', line: 999_999 })).toBe(false);
  });

  it('reports a repeated position', () => {
    const completed = new CompletedPositions();
    expect(completed.add({ file: 'a.json', index: 0 })).toBe(true);
    expect(completed.add({ file: 'a.json', index: 0 })).toBe(false);
    expect(completed.size).toBe(1);
  });

  it('treats a whole-file alert as one position', () => {
    const completed = new CompletedPositions();
    completed.add({ file: 'alerts/one.txt' });
    expect(completed.has({ file: 'alerts/one.txt' })).toBe(true);
  });
});
