import { describe, expect, it } from 'vitest';
import { createSharedBackoff } from '../../src/llm/shared-backoff.js';

describe('createSharedBackoff', () => {
  it('resolves at once without a pause', async () => {
    const backoff = createSharedBackoff();
    const started = Date.now();
    await backoff.wait();
    expect(Date.now() - started).toBeLessThan(50);
  });

  it('makes every waiter wait out a pause', async () => {
    const backoff = createSharedBackoff();
    backoff.pause(150);
    const started = Date.now();
    const waits = await Promise.all([backoff.wait(), backoff.wait(), backoff.wait()].map((wait) => wait.then(() => Date.now() - started)));
    for (const waited of waits) expect(waited).toBeGreaterThanOrEqual(140);
  });

  it('keeps the later of two pauses', () => {
    let now = 1000;
    const backoff = createSharedBackoff(() => now);
    backoff.pause(500);
    backoff.pause(100);
    now = 1400;
    let resolved = false;
    void backoff.wait().then(() => {
      resolved = true;
    });
    return new Promise<void>((resolve) => {
      setTimeout(() => {
        expect(resolved).toBe(false);
        now = 1500;
        setTimeout(() => {
          expect(resolved).toBe(true);
          resolve();
        }, 150);
      }, 20);
    });
  });

  it('extends a pause while workers wait', async () => {
    const backoff = createSharedBackoff();
    backoff.pause(50);
    const started = Date.now();
    setTimeout(() => backoff.pause(150), 30);
    await backoff.wait();
    expect(Date.now() - started).toBeGreaterThanOrEqual(170);
  });

  it('rejects when the signal aborts', async () => {
    const backoff = createSharedBackoff();
    backoff.pause(10_000);
    const controller = new AbortController();
    const waiting = backoff.wait(controller.signal);
    controller.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
  });

  it('ignores pauses that are not positive', async () => {
    const backoff = createSharedBackoff();
    backoff.pause(-5);
    backoff.pause(Number.NaN);
    const started = Date.now();
    await backoff.wait();
    expect(Date.now() - started).toBeLessThan(50);
  });
});
