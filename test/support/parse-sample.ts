import type { Alert } from '../../src/alert/alert-schema.js';
import { parseAlert } from '../../src/alert/parse-alert.js';
import { InputError } from '../../src/errors/input-error.js';

/** Fixed time of reading, so that year-less timestamps infer the same year in every run. */
export const referenceTime = new Date('2026-03-20T12:00:00Z');

/** Parses a sample alert as the CLI would, with the fixed reference time. */
export function parseSample(text: string, format?: string): Alert {
  return parseAlert(text, { origin: 'sample', referenceTime, ...(format ? { format } : {}) });
}

/** Returns the InputError that parsing a sample throws, or fails the test when none is thrown. */
export function parseError(text: string, format?: string): InputError {
  try {
    parseSample(text, format);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, but the sample parsed');
}
