import { InputError } from '../errors/input-error.js';
import { describeJsonError } from '../util/json-error-position.js';
import type { AlertInput } from './alert-input.js';

const genericHint =
  "Read the complete record from the sensor's log, or drop the cut record. Records end early when their writer stops mid-write or a relay limits message size";

/**
 * Builds the error for a cut JSON record whose complete part is no alert. `cause` is why that
 * part failed, such as a missing description. The message leads with the JSON error and its
 * position, because the cut is the problem. An adapter hint that names where the complete
 * record is kept (such as eve.json on the sensor) is reused.
 */
export function cutJsonError(input: AlertInput, cause: InputError): InputError {
  const { where, reason } = describeJsonError(input.text, input.jsonError);
  const prefix = `${input.origin}: `;
  const detail = cause.message.startsWith(prefix) ? cause.message.slice(prefix.length) : cause.message;
  const adapterKnowsCut = /cut short/.test(`${cause.message} ${cause.hint ?? ''}`);
  // Some adapter messages already state that the record is cut, so they need no "before the cut".
  const lead = /cut short/.test(detail) ? '' : 'before the cut, ';
  return new InputError(`${input.origin}: invalid JSON${where}: ${reason}; ${lead}${detail}`, {
    hint: adapterKnowsCut && cause.hint ? cause.hint : genericHint,
    cause,
  });
}
