import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { SourceItem } from '../../src/batch/alert-source.js';
import { parseAhead } from '../../src/batch/parse-ahead.js';
import type { ItemParser } from '../../src/batch/start-parse-thread.js';

function items(from: number, count: number): SourceItem[] {
  return Array.from({ length: count }, (_, index) => ({ position: { file: 'queue.jsonl', line: from + index }, text: `alert ${from + index}` }));
}

async function* batches(...sizes: number[]): AsyncGenerator<SourceItem[]> {
  let line = 1;
  for (const size of sizes) {
    yield items(line, size);
    line += size;
  }
}

/** Creates a parser that returns after a random delay, so that later requests often finish first. */
function slowParser(sliceSizes: number[] = []): ItemParser {
  return {
    async parse(slice) {
      sliceSizes.push(slice.length);
      await sleep(Math.floor(Math.random() * 5));
      return slice.map((item) => ({ position: item.position, text: `parsed ${'text' in item ? item.text : ''}` }));
    },
    whenReady: async () => true,
    close: async () => {},
  };
}

async function collect(source: AsyncIterable<SourceItem[]>): Promise<SourceItem[]> {
  const all: SourceItem[] = [];
  for await (const batch of source) all.push(...batch);
  return all;
}

describe('parseAhead', () => {
  it('yields every item in input order', async () => {
    const result = await collect(parseAhead(batches(700, 3, 0, 1200), slowParser()));
    expect(result.map((item) => item.position.line)).toEqual(Array.from({ length: 1903 }, (_, index) => index + 1));
  });

  it('yields what the parser returned', async () => {
    const [first] = await collect(parseAhead(batches(1), slowParser()));
    expect(first).toEqual({ position: { file: 'queue.jsonl', line: 1 }, text: 'parsed alert 1' });
  });

  it('sends small slices first, then slices of 256', async () => {
    const sizes: number[] = [];
    await collect(parseAhead(batches(1000), slowParser(sizes)));
    expect(sizes).toEqual([32, 64, 128, 256, 256, 256, 8]);
  });

  it('keeps at most five slices ahead of the consumer', async () => {
    const sizes: number[] = [];
    const generator = parseAhead(batches(5000), slowParser(sizes));
    await generator.next();
    expect(sizes).toHaveLength(5);
    await generator.return(undefined);
  });
});
