import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Maximum time in ms that a consumer may spend on items before the event loop runs timers and
 * I/O callbacks. Alerts whose template is at hand are explained synchronously, so without a
 * pause the batch reader would hold the event loop until its pending limit fills, and backend
 * requests, responses and output flushes would wait that long.
 */
export const maxReadingSliceMs = 4;

/**
 * Yields the items of a source unchanged, and lets the event loop run once whenever the
 * consumer has worked for more than maxReadingSliceMs since the last pause.
 */
export async function* paceItems<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
  let sliceStart = performance.now();
  for await (const item of items) {
    yield item;
    if (performance.now() - sliceStart > maxReadingSliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}
