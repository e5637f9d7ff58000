import type { SinkRecord } from './batch-record.js';

/**
 * Destination of a batch job's records: a JSON Lines file or standard output for `batch`, a
 * results stream for queue workers. `write` receives every record once, and `close` flushes
 * and releases the sink's resources.
 */
export interface ResultSink {
  write(record: SinkRecord): void | Promise<void>;
  close(): Promise<void>;
}
