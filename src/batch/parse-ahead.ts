import type { SourceItem } from './alert-source.js';
import type { ItemParser } from './start-parse-thread.js';

/** Sizes of the first slices sent to the parser; later slices have the last size. */
const sliceSizes = [32, 64, 128, 256];
/** Slices sent to the parser before the first of them is yielded. */
const slicesAhead = 4;

/**
 * Yields the batches with their texts parsed by the parser, in order, keeping a few slices
 * in the parser's queue so that it parses while the consumer works. The first slices are
 * small, so the first alerts reach the consumer soon after the job starts.
 */
export async function* parseAhead(batches: AsyncIterable<SourceItem[]>, parser: ItemParser): AsyncGenerator<SourceItem[]> {
  const queue: Promise<SourceItem[]>[] = [];
  let sent = 0;
  for await (const batch of batches) {
    for (let start = 0; start < batch.length; ) {
      const size = sliceSizes[Math.min(sent, sliceSizes.length - 1)]!;
      queue.push(parser.parse(batch.slice(start, start + size)));
      start += size;
      sent += 1;
      if (queue.length > slicesAhead) yield await queue.shift()!;
    }
  }
  while (queue.length > 0) yield await queue.shift()!;
}
