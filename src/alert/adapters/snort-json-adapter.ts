import { InputError } from '../../errors/input-error.js';
import type { AlertDraft } from '../alert-schema.js';
import { jsonValueOf, type AlertInput } from '../alert-input.js';
import { applyTimestamp } from '../apply-timestamp.js';
import { detailLines } from '../detail-lines.js';
import { displayProtocol } from '../display-protocol.js';
import { FieldReader } from '../field-reader.js';
import { flattenJson } from '../flatten-json.js';
import { firstJsonObject, markTruncated, readJsonRecord } from '../json-record.js';
import { makeEndpoint } from '../make-endpoint.js';
import { readSnortEndpoint } from '../read-snort-endpoint.js';
import { severityFromPriority } from '../severity-level.js';
import type { AlertAdapter } from './alert-adapter.js';

const contextFirst = ['action', 'dir', 'service', 'b64_data'];

function readEndpoint(fields: FieldReader, side: 'src' | 'dst'): AlertDraft['source'] {
  const combined = fields.text(`${side}_ap`);
  const split = combined ? readSnortEndpoint(combined) : undefined;
  return makeEndpoint({
    address: fields.text(`${side}_addr`) ?? split?.address,
    port: fields.port(`${side}_port`) ?? split?.port,
  });
}

function readRule(fields: FieldReader): string | undefined {
  const rule = fields.text('rule');
  if (rule) return rule;
  const sid = fields.number('sid');
  if (sid === undefined) return undefined;
  return `${fields.number('gid') ?? 1}:${sid}:${fields.number('rev') ?? 0}`;
}

/**
 * Returns the rule message. Snort's default alert_json fields leave `msg` out, so without it
 * the description names the rule ID, and a note explains how to add the message.
 */
function describe(fields: FieldReader, ruleId: string | undefined, notes: string[], origin: string): string {
  const message = fields.text('msg');
  if (message) return message;
  if (!ruleId) {
    throw new InputError(`${origin}: the Snort alert_json record has neither "msg" nor a rule ID`, {
      hint: 'Add msg and rule to the alert_json fields setting of snort.lua',
    });
  }
  notes.push(`the record has no "msg" field, so the rule's message is unknown; add msg to the alert_json fields setting`);
  return `Snort rule ${ruleId} matched (the record does not include the rule message)`;
}

/** Snort 3 alert_json records, one JSON object per line of alert_json.txt. */
export const snortJsonAdapter: AlertAdapter = {
  name: 'snort-json',
  label: 'Snort 3 alert_json record',

  detect(input: AlertInput): number {
    const object = firstJsonObject(jsonValueOf(input));
    if (!object || 'event_type' in object) return 0;
    const hasRule = (typeof object.rule === 'string' && /^\d+:\d+:\d+$/.test(object.rule)) || ('gid' in object && 'sid' in object);
    const snortShaped = 'src_ap' in object || 'dst_ap' in object || 'pkt_num' in object || 'pkt_gen' in object;
    return hasRule && snortShaped ? 0.9 : 0;
  },

  parse(input: AlertInput): AlertDraft {
    const { object, truncation } = readJsonRecord(input);
    const fields = new FieldReader(flattenJson(object));
    const notes: string[] = [];
    const ruleId = readRule(fields);
    const description = describe(fields, ruleId, notes, input.origin);
    const draft: AlertDraft = { format: 'snort-json', description, raw: object, sensor: 'Snort', originalLog: 'alert_json.txt', notes };
    if (ruleId) draft.ruleId = ruleId;
    fields.skip(/^(?:gid|sid|rev)$/);
    const category = fields.text('class');
    if (category && category !== 'none') draft.category = category;
    const priority = fields.number('priority');
    if (priority !== undefined) {
      draft.severity = String(priority);
      const level = severityFromPriority(priority);
      if (level) draft.severityLevel = level;
    }
    draft.source = readEndpoint(fields, 'src');
    draft.destination = readEndpoint(fields, 'dst');
    const protocol = displayProtocol(fields.peek('service')) ?? fields.text('proto');
    if (protocol) draft.protocol = protocol;
    // "seconds" carries the year; "timestamp" is the year-less alert_fast form.
    const seconds = fields.number('seconds');
    applyTimestamp(draft, seconds ?? fields.text('timestamp'), input.referenceTime);
    if (seconds !== undefined) fields.skip(/^timestamp$/);
    markTruncated(draft, truncation);
    const details = detailLines({ entries: fields.unused(), notes: draft.notes!, first: contextFirst });
    if (details) draft.details = details;
    return draft;
  },
};
