import { describe, expect, it } from 'vitest';
import { createHeapWatch } from '../../src/batch/create-heap-watch.js';

describe('createHeapWatch', () => {
  it('collects garbage above the limit', () => {
    const watch = createHeapWatch(1);
    let garbage: { text: string }[] = Array.from({ length: 300_000 }, (_, index) => ({ text: `record ${index}` }));
    garbage = [];
    const before = process.memoryUsage().heapUsed;
    for (let call = 0; call < 1000; call += 1) watch();
    expect(process.memoryUsage().heapUsed).toBeLessThan(before);
    expect(garbage).toHaveLength(0);
  });
});
