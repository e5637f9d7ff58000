import { describe, expect, it } from 'vitest';
import { createSharedBackoff } from '../../src/llm/shared-backoff.js';

describe('createSharedBackoff', () => {
  it('resolves at once without a pause', async () => {
    const started = Date.now();
    await createSharedBackoff().wait();

    expect(Date.now() - started).toBeLessThan(50);
  });

  it('holds every waiter until the pause ends', async () => {
    const backoff = createSharedBackoff();
    backoff.pause(200);
    const started = Date.now();
    const ends = await Promise.all([backoff.wait(), backoff.wait()].map((wait) => wait.then(() => Date.now() - started)));

    for (const elapsed of ends) expect(elapsed).toBeGreaterThanOrEqual(190);
  });

  it('extends a pause while waiting', async () => {
    const backoff = createSharedBackoff();
    backoff.pause(100);
    const started = Date.now();
    setTimeout(() => backoff.pause(200), 50);
    await backoff.wait();

    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('keeps the later end of two pauses', async () => {
    const backoff = createSharedBackoff();
    backoff.pause(250);
    backoff.pause(10);
    const started = Date.now();
    await backoff.wait();

    expect(Date.now() - started).toBeGreaterThanOrEqual(230);
  });

  it('rejects when the signal aborts', async () => {
    const backoff = createSharedBackoff();
    backoff.pause(10_000);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stopped')), 20);

    await expect(backoff.wait(controller.signal)).rejects.toThrow('stopped');
  });

  it('rejects a pause that is not finite', () => {
    expect(() => createSharedBackoff().pause(Number.NaN)).toThrow(RangeError);
  });
});
