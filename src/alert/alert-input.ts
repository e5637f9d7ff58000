import { InputError } from '../errors/input-error.js';
import { jsonNestsDeeperThan } from './json-nests-deeper-than.js';
import { parsePartialJson, type PartialJson } from './parse-partial-json.js';

/**
 * Maximum nesting of arrays and objects in a JSON alert. The deepest sample record of any
 * supported format, an Elastic Security alert, nests 7 levels. The adapters read nested values
 * recursively, so much deeper input is rejected before it can exhaust the stack.
 */
export const maxJsonDepth = 100;

/** Raw alert text with its JSON parse attempted once, shared by every adapter's detect step. */
export interface AlertInput {
  text: string;
  /** Where the text came from (a file path or "stdin"), for error messages. */
  origin: string;
  /** Parsed value when the whole text is valid JSON. */
  json?: unknown;
  /** The JSON.parse error when the text looks like JSON but does not parse. */
  jsonError?: unknown;
  /** The complete part of a JSON text that was cut short, when that is why it does not parse. */
  partialJson?: PartialJson;
  /** Time of reading, used to infer the year of timestamps that lack one (syslog, Snort). */
  referenceTime: Date;
}

/**
 * Wraps alert text, parsing it as JSON when it starts like JSON. Text that fails to parse
 * only because it ends early is also read up to the cut, into `partialJson`. Throws
 * InputError when the JSON nests deeper than maxJsonDepth.
 */
export function createAlertInput(text: string, origin: string, referenceTime: Date = new Date()): AlertInput {
  const input: AlertInput = { text, origin, referenceTime };
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    if (jsonNestsDeeperThan(trimmed, maxJsonDepth)) {
      throw new InputError(`${origin}: the JSON nests more than ${maxJsonDepth} levels deep, which no alert record does`, {
        hint: 'Pass one alert record as the sensor or SIEM wrote it',
      });
    }
    try {
      input.json = JSON.parse(text);
    } catch (error) {
      input.jsonError = error;
      const partial = parsePartialJson(trimmed);
      if (partial) input.partialJson = partial;
    }
  }
  return input;
}

/** Returns the parsed JSON of an input, or the complete part of a cut one, or undefined. */
export function jsonValueOf(input: AlertInput): unknown {
  return input.json ?? input.partialJson?.value;
}
