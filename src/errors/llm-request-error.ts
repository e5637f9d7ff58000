import { exitCodes, IdsExplainError } from './ids-explain-error.js';

/**
 * A model request that failed for good: retries ran out, or the server rejected the request
 * in a way that retrying cannot fix. Exits with code 1, or 2 when the fix is in the settings
 * (a wrong key, model or URL).
 */
export class LlmRequestError extends IdsExplainError {
  /** HTTP status of the last response, when the server sent one. */
  readonly status: number | undefined;
  /** Fingerprint of the alert whose request failed. */
  readonly alertId: string;

  constructor(message: string, options: { alertId: string; status?: number; hint?: string; cause?: unknown; configuration?: boolean }) {
    super(message, { hint: options.hint, cause: options.cause, exitCode: options.configuration ? exitCodes.usage : exitCodes.internal });
    this.status = options.status;
    this.alertId = options.alertId;
  }
}
