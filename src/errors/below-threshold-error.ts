import { exitCodes, IdsExplainError } from './ids-explain-error.js';

/**
 * An evaluation that ran to the end but scored below its thresholds. The CLI exits with
 * code 1 so that CI fails; the report files are written before it is thrown.
 */
export class BelowThresholdError extends IdsExplainError {
  constructor(message: string, options: { hint?: string } = {}) {
    super(message, { ...options, exitCode: exitCodes.internal });
  }
}
