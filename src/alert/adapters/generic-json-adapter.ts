import { InputError } from '../../errors/input-error.js';
import type { AlertDraft } from '../alert-schema.js';
import type { AlertInput } from '../alert-input.js';
import { assignFields } from '../assign-fields.js';
import { flattenJson } from '../flatten-json.js';
import type { AlertAdapter } from './alert-adapter.js';

function singleObject(input: AlertInput): Record<string, unknown> {
  let value = input.json;
  if (Array.isArray(value)) {
    if (value.length !== 1) {
      throw new InputError(`${input.origin}: the JSON array contains ${value.length} alerts; "explain" reads one`, {
        hint: 'Pass one alert object, or use "ids-explain batch" for many',
      });
    }
    value = value[0];
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(`${input.origin}: expected a JSON object with the alert's fields, got ${value === null ? 'null' : typeof value}`, {
      hint: 'Pass an object such as {"description": "...", "src_ip": "..."}',
    });
  }
  return value as Record<string, unknown>;
}

/** Any JSON object whose field names follow common conventions (description, src_ip, ...). */
export const genericJsonAdapter: AlertAdapter = {
  name: 'json',
  label: 'generic JSON object with common field names (description, src_ip, dest_ip, ...)',

  detect(input: AlertInput): number {
    return input.json !== undefined && typeof input.json === 'object' && input.json !== null ? 0.4 : 0;
  },

  parse(input: AlertInput): AlertDraft {
    const object = singleObject(input);
    const entries = flattenJson(object);
    const draft = assignFields(entries, 'json', object);
    if (!draft) {
      const names = entries.slice(0, 12).map((entry) => entry.path).join(', ');
      throw new InputError(`${input.origin}: the alert has no description (fields: ${names || 'none'})`, {
        hint: 'Add a "description", "signature", "message" or "title" field saying what was detected',
      });
    }
    return draft;
  },
};
