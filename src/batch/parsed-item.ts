import { InputError } from '../errors/input-error.js';
import { exitCodes, IdsExplainError } from '../errors/ids-explain-error.js';
import type { SourceItem } from './alert-source.js';
import { errorMessage } from './error-message.js';
import type { InputPosition } from './input-position.js';
import type { ParseOutcome } from './parse-thread-protocol.js';

/**
 * Returns the source item for an alert's parse outcome: the parsed alert, or an error item
 * whose message reads exactly as when the main thread parses the alert itself.
 */
export function parsedItem(position: InputPosition, outcome: ParseOutcome): SourceItem {
  if ('alert' in outcome) return { position, alert: outcome.alert };
  if ('error' in outcome) {
    const { message, hint, exitCode } = outcome.error;
    const options = hint === undefined ? {} : { hint };
    return { position, error: exitCode === exitCodes.usage ? new InputError(message, options) : new IdsExplainError(message, { ...options, exitCode }) };
  }
  return { position, error: new IdsExplainError(errorMessage(new Error(outcome.failure), position)) };
}
