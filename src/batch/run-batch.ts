import type { AlertSource, SourceItem } from './alert-source.js';
import type { BatchResult } from './batch-record.js';
import type { CompletedPositions } from './completed-positions.js';
import type { BatchExplainer } from './create-batch-explainer.js';
import type { ResultSink } from './result-sink.js';

export interface RunBatchOptions {
  source: AlertSource;
  sink: ResultSink;
  explain: BatchExplainer;
  /** Positions already in the output from an earlier run; they are skipped. */
  completed?: CompletedPositions;
  /** Called for every record before it is written. */
  onRecord?: (record: BatchResult) => void;
  /**
   * Maximum number of alerts read but not yet written. It bounds memory, and it must be large
   * enough that alerts of many fingerprints are in flight while their templates are drafted.
   */
  maxPending?: number;
  /**
   * Maximum number of alerts read but not yet written while `explain.backlogged()` is true.
   * Drafts then wait for the backend already, and reading further would only hold more alerts
   * in memory and take the thread from the responses that free the backend's slots.
   */
  maxPendingWhileBacklogged?: number;
  /** Stops reading new alerts; those in flight are finished and written. */
  signal?: AbortSignal;
}

/**
 * Runs a batch job: reads every item from the source, explains it and writes exactly one
 * record per item to the sink, in the order they finish. Returns when every record is
 * written; returns early, after finishing what is in flight, when the signal aborts. Throws,
 * after finishing what is in flight, when the sink fails or the explainer rejects.
 */
export async function runBatch({ source, sink, explain, completed, onRecord, maxPending = 4096, maxPendingWhileBacklogged = maxPending, signal }: RunBatchOptions): Promise<void> {
  const pending = new Set<Promise<void>>();
  let failure: unknown;
  // Resolves the reader's wait for a free slot. Promise.race over the pending set would add
  // a reaction to every pending task on each call, which costs O(maxPending) per alert read.
  let wakeReader: (() => void) | undefined;
  const settle = (task: Promise<void>) => {
    pending.delete(task);
    wakeReader?.();
    wakeReader = undefined;
  };
  const finish = (record: BatchResult) => {
    onRecord?.(record);
    return sink.write(record);
  };
  const start = (item: SourceItem) => {
    const outcome = explain(item);
    const written = outcome instanceof Promise ? outcome.then(finish) : finish(outcome);
    if (!(written instanceof Promise)) return;
    const task: Promise<void> = written.then(
      () => settle(task),
      (error: unknown) => {
        failure ??= error;
        settle(task);
      },
    );
    pending.add(task);
  };

  // The reader itself never pauses between items: a Redis worker's messages are in flight once
  // read, and a pause here would let a stop signal in among them. Sources let the event loop
  // run themselves (paceItems for files, the stream source every 16 messages).
  for await (const item of source.items()) {
    if (signal?.aborted || failure !== undefined) break;
    if (completed?.has(item.position)) continue;
    start(item);
    while (pending.size >= maxPending || (pending.size >= maxPendingWhileBacklogged && explain.backlogged?.())) {
      await new Promise<void>((resolve) => (wakeReader = resolve));
    }
  }
  await Promise.all(pending);
  // A failure is the sink's (the output cannot be trusted) or a backend configuration error
  // (every later alert would fail too). Its alert has no record, so a resumed run redoes it.
  if (failure !== undefined) throw failure;
}
