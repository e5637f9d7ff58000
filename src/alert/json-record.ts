import { InputError } from '../errors/input-error.js';
import type { AlertDraft, Truncation } from './alert-schema.js';
import { jsonValueOf, type AlertInput } from './alert-input.js';

/** One JSON object read from an input, with where it was cut when it arrived incomplete. */
export interface JsonRecord {
  object: Record<string, unknown>;
  truncation?: Truncation;
}

/** Tells whether a value is a plain JSON object (not an array or null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns the single JSON object of an input: the whole value, the only element of a
 * one-element array, or the complete part of a cut record. Throws InputError for an array of
 * several records and for JSON that is not an object.
 */
export function readJsonRecord(input: AlertInput): JsonRecord {
  let value = jsonValueOf(input);
  if (Array.isArray(value)) {
    if (value.length !== 1) {
      throw new InputError(`${input.origin}: the JSON array contains ${value.length} alerts; "explain" reads one`, {
        hint: 'Pass one alert object, or use "ids-explain batch" for many',
      });
    }
    value = value[0];
  }
  if (!isJsonObject(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw new InputError(`${input.origin}: expected a JSON object with the alert's fields, got ${kind}`, {
      hint: 'Pass an object such as {"description": "...", "src_ip": "..."}',
    });
  }
  return input.partialJson && input.json === undefined ? { object: value, truncation: input.partialJson.truncation } : { object: value };
}

/** Returns the first object of a JSON value: itself, or the first element of an array. */
export function firstJsonObject(value: unknown): Record<string, unknown> | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return isJsonObject(first) ? first : undefined;
}

/**
 * Records on a draft that its record was cut short, with a note saying where and that
 * nothing after the cut is used.
 */
export function markTruncated(draft: AlertDraft, truncation: Truncation | undefined): void {
  if (!truncation) return;
  const where = truncation.openPath ? ` inside "${truncation.openPath}"` : '';
  draft.truncated = truncation;
  draft.notes = [
    ...(draft.notes ?? []),
    `the record is cut short: it ends after ${truncation.receivedChars} characters${where}, likely because a log relay limits message size; fields after the cut are missing and none of them is used`,
  ];
}
