import { exitCodes, IdsExplainError } from './ids-explain-error.js';

/**
 * Invalid input or usage: an unreadable alert, a bad option value, a missing file.
 * The CLI exits with code 2.
 */
export class InputError extends IdsExplainError {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { ...options, exitCode: exitCodes.usage });
  }
}
