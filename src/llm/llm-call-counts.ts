/**
 * Counts of the requests a job sent to a model server. Every HTTP request counts once in
 * `sent` and then once in either `succeeded` or `failed`, so `sent` equals their sum once no
 * request is in flight.
 */
export class LlmCallCounts {
  /** Requests sent, including retries and repair requests. */
  sent = 0;
  /** Requests that returned a usable chat completion. */
  succeeded = 0;
  /**
   * Requests that failed: an HTTP error, a timeout, a dropped connection, or a response cut
   * at the output token limit.
   */
  failed = 0;
  /**
   * Requests that repeat a failed one: after a 429, a 5xx or a timeout, or without a parameter
   * that the server rejected.
   */
  retries = 0;
  /** First requests that quote validation errors of an invalid response, so the model can fix it. */
  repairs = 0;
}
