import type { Alert } from '../alert/alert-schema.js';
import type { ExitCode } from '../errors/ids-explain-error.js';

/** One alert text sent to the parsing thread, with the origin its error messages name. */
export interface ParseRequestItem {
  origin: string;
  text: string;
}

/** A batch of alert texts for the parsing thread; `id` pairs it with its reply. */
export interface ParseRequest {
  id: number;
  /** Value of `--input-format`, when given. */
  format?: string;
  items: ParseRequestItem[];
}

/** Result of parsing one alert: the alert, an error that ids-explain raised, or an unexpected failure. */
export type ParseOutcome =
  | { alert: Alert }
  | { error: { message: string; hint?: string; exitCode: ExitCode } }
  | { failure: string };

/** The parsing thread's reply: one outcome per request item, in the same order. */
export interface ParseReply {
  id: number;
  outcomes: ParseOutcome[];
}

/** A message from the parsing thread: a reply, or the notice that its code is loaded. */
export type ParseThreadMessage = ParseReply | { ready: true };
