import type { AlertDraft } from '../alert-schema.js';
import { jsonValueOf, type AlertInput } from '../alert-input.js';
import { assignFields } from '../assign-fields.js';
import { flattenJson } from '../flatten-json.js';
import { markTruncated, readJsonRecord } from '../json-record.js';
import { missingDescriptionError } from '../missing-description-error.js';
import type { AlertAdapter } from './alert-adapter.js';

/** Any JSON object whose field names follow common conventions (description, src_ip, ...). */
export const genericJsonAdapter: AlertAdapter = {
  name: 'json',
  label: 'generic JSON object with common field names (description, src_ip, dest_ip, ...)',

  detect(input: AlertInput): number {
    const value = jsonValueOf(input);
    return typeof value === 'object' && value !== null ? 0.4 : 0;
  },

  parse(input: AlertInput): AlertDraft {
    const { object, truncation } = readJsonRecord(input);
    const entries = flattenJson(object);
    const draft = assignFields(entries, 'json', object);
    if (!draft) {
      throw missingDescriptionError({
        entries,
        origin: input.origin,
        hint: 'Add a "description", "signature", "message" or "title" field saying what was detected',
        listLabel: 'fields',
      });
    }
    markTruncated(draft, truncation);
    return draft;
  },
};
