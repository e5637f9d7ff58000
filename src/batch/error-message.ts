import { IdsExplainError } from '../errors/ids-explain-error.js';
import { formatPosition, type InputPosition } from './input-position.js';

/**
 * Returns the one-line message that a failed record carries for an error: the message the CLI
 * would print for an error ids-explain raised, or the alert's position and the error's message
 * for an unexpected failure.
 */
export function errorMessage(error: unknown, position: InputPosition): string {
  if (error instanceof IdsExplainError) return error.userMessage;
  const message = error instanceof Error ? error.message : String(error);
  return `${formatPosition(position)}: explaining failed: ${message}`;
}
