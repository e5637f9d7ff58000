import { InputError } from '../errors/input-error.js';
import { describeJsonError } from '../util/json-error-position.js';
import type { AlertInput } from './alert-input.js';

/** Builds the error for input that looks like JSON but does not parse, with line and column. */
export function invalidJsonError(input: AlertInput, what = 'invalid JSON'): InputError {
  const { where, reason } = describeJsonError(input.text, input.jsonError);
  return new InputError(`${input.origin}: ${what}${where}: ${reason}`, {
    hint: 'Fix the JSON, or pass --input-format key-value if the text is not JSON',
    cause: input.jsonError,
  });
}
