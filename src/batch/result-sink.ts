import type { SinkRecord } from './batch-record.js';

/**
 * Where a batch job puts its results: a JSON Lines file or standard output for `batch`, a
 * results stream for workers. `write` receives every record once; `close` flushes and
 * releases whatever the sink holds.
 */
export interface ResultSink {
  write(record: SinkRecord): void | Promise<void>;
  close(): Promise<void>;
}
