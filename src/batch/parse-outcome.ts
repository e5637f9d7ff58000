import { parseAlert } from '../alert/parse-alert.js';
import { IdsExplainError } from '../errors/ids-explain-error.js';
import type { ParseOutcome, ParseRequestItem } from './parse-thread-protocol.js';

/**
 * Parses one alert text and returns the alert or what went wrong, in a form that can cross
 * a thread boundary. Never throws.
 */
export function parseOutcome(item: ParseRequestItem, format: string | undefined): ParseOutcome {
  try {
    return { alert: parseAlert(item.text, { origin: item.origin, ...(format ? { format } : {}) }) };
  } catch (error) {
    if (error instanceof IdsExplainError) return { error: { message: error.message, ...(error.hint ? { hint: error.hint } : {}), exitCode: error.exitCode } };
    return { failure: error instanceof Error ? error.message : String(error) };
  }
}
