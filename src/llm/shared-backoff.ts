/**
 * A pause shared by every worker of one job. When a provider answers 429 (rate limited), the
 * worker that got it calls `pause` with the wait the server asked for, and every worker waits
 * in `wait` before its next request, so the whole job slows down instead of one worker.
 */
export interface SharedBackoff {
  /** Resolves once no pause is in force; rejects with the signal's reason when it aborts. */
  wait(signal?: AbortSignal): Promise<void>;
  /** Extends the pause to now + `ms` milliseconds, unless a later pause is already set. */
  pause(ms: number): void;
}

/** Creates a shared back-off with no pause in force; make one per job. */
export function createSharedBackoff(now: () => number = Date.now): SharedBackoff {
  let pausedUntil = 0;

  async function wait(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    // A pause can be extended while this worker sleeps, so check again after each sleep.
    for (let remaining = pausedUntil - now(); remaining > 0; remaining = pausedUntil - now()) {
      await sleep(remaining, signal);
    }
  }

  function pause(ms: number): void {
    if (!Number.isFinite(ms) || ms <= 0) return;
    pausedUntil = Math.max(pausedUntil, now() + ms);
  }

  return { wait, pause };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
