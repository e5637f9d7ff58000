import { InputError } from '../../errors/input-error.js';
import type { AlertDraft } from '../alert-schema.js';
import { jsonValueOf, type AlertInput } from '../alert-input.js';
import { applyTimestamp } from '../apply-timestamp.js';
import { detailLines } from '../detail-lines.js';
import { FieldReader } from '../field-reader.js';
import { flattenJson } from '../flatten-json.js';
import { firstJsonObject, isJsonObject, markTruncated, readJsonRecord } from '../json-record.js';
import { readWindowsEvent } from '../read-windows-event.js';
import { severityFromName } from '../severity-level.js';
import type { AlertAdapter } from './alert-adapter.js';
import { applyWindowsEvent } from './windows-event-adapter.js';

/** Returns the event a hit matched: the document of an individual hit, the first of an aggregate. */
function matchedDocument(object: Record<string, unknown>): Record<string, unknown> | undefined {
  if (isJsonObject(object.document)) return object.document;
  return Array.isArray(object.documents) && isJsonObject(object.documents[0]) ? object.documents[0] : undefined;
}

/** Chainsaw hunt detections from its --json or --jsonl output. */
export const chainsawAdapter: AlertAdapter = {
  name: 'chainsaw',
  label: 'Chainsaw hunt detection (--json output)',

  detect(input: AlertInput): number {
    const object = firstJsonObject(jsonValueOf(input));
    if (!object || typeof object.name !== 'string' || !('level' in object)) return 0;
    const document = matchedDocument(object);
    return document && 'kind' in document ? 0.95 : 0;
  },

  parse(input: AlertInput): AlertDraft {
    const { object, truncation } = readJsonRecord(input);
    const hit = new FieldReader(flattenJson(object));
    hit.skip(/^documents?\./);
    const description = hit.text('name');
    if (!description) {
      throw new InputError(`${input.origin}: the Chainsaw detection has no rule "name"`, { hint: 'Pass a detection as chainsaw hunt --json wrote it' });
    }
    const draft: AlertDraft = { format: 'chainsaw', description, raw: object, sensor: 'Chainsaw', notes: [] };
    const ruleId = hit.text('id');
    if (ruleId) draft.ruleId = ruleId;
    const level = hit.text('level');
    if (level) draft.severity = level;
    const severityLevel = severityFromName(level);
    if (severityLevel) draft.severityLevel = severityLevel;
    draft.attackIds = hit.texts('tags');
    if (Array.isArray(object.documents)) draft.eventCount = object.documents.length;

    const document = matchedDocument(object);
    const documentFields = new FieldReader(flattenJson(document ?? {}));
    const originalLog = documentFields.text('path');
    if (originalLog) draft.originalLog = originalLog;
    const event = isJsonObject(document?.data) ? readWindowsEvent(document.data) : undefined;
    // The hit's timestamp is the event time, in UTC unless Chainsaw ran with --local or --timezone.
    const time = hit.text('timestamp');
    if (event) applyWindowsEvent(draft, event, input.referenceTime, time ?? event.time);
    else applyTimestamp(draft, time, input.referenceTime);
    markTruncated(draft, truncation);

    const entries = [...hit.unused(), ...(event?.fields.unused().map((entry) => ({ ...entry, path: `document.data.${entry.path}` })) ?? [])];
    const details = detailLines({ entries, notes: draft.notes!, first: ['document.data.Event.EventData'], lead: event?.taskLines ?? [] });
    if (details) draft.details = details;
    return draft;
  },
};
