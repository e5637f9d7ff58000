import { exitCodes, IdsExplainError } from './ids-explain-error.js';

/** A setting that is missing or invalid, such as no model for the openai backend. Exits with code 2. */
export class ConfigurationError extends IdsExplainError {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { ...options, exitCode: exitCodes.usage });
  }
}
