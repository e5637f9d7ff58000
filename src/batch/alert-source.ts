import type { Alert } from '../alert/alert-schema.js';
import type { IdsExplainError } from '../errors/ids-explain-error.js';
import type { InputPosition } from './input-position.js';

/**
 * One alert as a source delivers it, with its position: its raw text, the alert already
 * parsed by the parsing thread, or the reason it could not be read or parsed. Such reasons
 * are a line over the size limit, an unterminated array element or text in no known format.
 */
export type SourceItem =
  | { position: InputPosition; text: string }
  | { position: InputPosition; alert: Alert }
  | { position: InputPosition; error: IdsExplainError };

/**
 * Origin of a batch job's alerts: files and standard input for `batch`, a queue for workers.
 * An implementation must yield every alert exactly once, in its own order, because the
 * output has one record per item.
 */
export interface AlertSource {
  items(): AsyncIterable<SourceItem>;
  /** Bytes read so far and the total when it is known, for progress and ETA. */
  progress(): { bytesRead: number; totalBytes?: number };
}
