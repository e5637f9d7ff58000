/** A message that this worker read and has not finished. */
export interface InFlightMessage {
  id: string;
  /** Deliveries of the message so far, this one included. */
  deliveries: number;
  /** When its idle time in the group was last reset, in ms since the epoch. */
  refreshedAt: number;
}

/**
 * The messages a worker read and has not finished, bounded in number. The source waits for
 * room before it reads more, so that a worker never has more than `capacity` messages:
 * those are the ones another worker must claim if this one dies.
 */
export class InFlightMessages {
  readonly capacity: number;
  private readonly messages = new Map<string, InFlightMessage>();
  private waiters: (() => void)[] = [];

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  get size(): number {
    return this.messages.size;
  }

  /** Free places: how many more messages may be read now. */
  get room(): number {
    return Math.max(0, this.capacity - this.messages.size);
  }

  add(id: string, deliveries: number, now = Date.now()): void {
    this.messages.set(id, { id, deliveries, refreshedAt: now });
  }

  has(id: string): boolean {
    return this.messages.has(id);
  }

  get(id: string): InFlightMessage | undefined {
    return this.messages.get(id);
  }

  /** Removes a message and wakes the callers that wait for room or for an empty set. */
  delete(id: string): void {
    if (!this.messages.delete(id)) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Returns every message in flight. */
  list(): InFlightMessage[] {
    return [...this.messages.values()];
  }

  /** Returns the ids whose idle time was last reset before `before` (ms since the epoch). */
  staleIds(before: number): string[] {
    return this.list().filter((message) => message.refreshedAt < before).map((message) => message.id);
  }

  markRefreshed(ids: string[], now = Date.now()): void {
    for (const id of ids) {
      const message = this.messages.get(id);
      if (message) message.refreshedAt = now;
    }
  }

  /** Resolves true once there is room, or false when the signal aborts first. */
  async waitForRoom(signal: AbortSignal): Promise<boolean> {
    while (this.room === 0 && !signal.aborted) await this.change(signal);
    return !signal.aborted;
  }

  /** Resolves true once no message is in flight, or false when the signal aborts first. */
  async waitUntilEmpty(signal: AbortSignal): Promise<boolean> {
    while (this.messages.size > 0 && !signal.aborted) await this.change(signal);
    return this.messages.size === 0;
  }

  private change(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        signal.removeEventListener('abort', wake);
        resolve();
      };
      this.waiters.push(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }
}
