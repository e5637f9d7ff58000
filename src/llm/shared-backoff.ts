import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Pause shared by every worker of a job that calls one rate-limited service. When the service
 * rate-limits one request, all workers wait before their next request.
 */
export interface SharedBackoff {
  /** Resolves once no pause is in force; rejects with the signal's reason when it aborts. */
  wait(signal?: AbortSignal): Promise<void>;
  /** Extends the pause to end `ms` milliseconds from now, unless it already ends later. */
  pause(ms: number): void;
}

/** Creates a shared back-off with no pause in force. Throws RangeError for a non-finite pause. */
export function createSharedBackoff(): SharedBackoff {
  let pausedUntil = 0;
  return {
    async wait(signal?: AbortSignal): Promise<void> {
      signal?.throwIfAborted();
      // A pause may be extended while we sleep, so check again after each sleep.
      for (let remaining = pausedUntil - Date.now(); remaining > 0; remaining = pausedUntil - Date.now()) {
        try {
          await sleep(remaining, undefined, signal ? { signal } : undefined);
        } catch (error) {
          throw signal?.aborted ? signal.reason : error;
        }
      }
    },
    pause(ms: number): void {
      if (!Number.isFinite(ms)) throw new RangeError(`pause needs a finite number of milliseconds, got ${ms}`);
      pausedUntil = Math.max(pausedUntil, Date.now() + Math.max(0, ms));
    },
  };
}
