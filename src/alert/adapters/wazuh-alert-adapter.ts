import { InputError } from '../../errors/input-error.js';
import type { AlertDraft, SeverityLevel } from '../alert-schema.js';
import { jsonValueOf, type AlertInput } from '../alert-input.js';
import { applyTimestamp } from '../apply-timestamp.js';
import { detailLines } from '../detail-lines.js';
import { FieldReader } from '../field-reader.js';
import { findLoginNames } from '../find-login-names.js';
import { flattenJson } from '../flatten-json.js';
import { firstJsonObject, isJsonObject, markTruncated, readJsonRecord } from '../json-record.js';
import { makeEndpoint } from '../make-endpoint.js';
import type { AlertAdapter } from './alert-adapter.js';

const contextFirst = ['data', 'rule.firedtimes', 'location', 'decoder', 'predecoder', 'rule.groups'];

/** Wazuh rule levels run from 0 to 15; the groups follow the Wazuh dashboard's bands. */
function levelOf(level: number): SeverityLevel {
  if (level >= 15) return 'critical';
  if (level >= 12) return 'high';
  return level >= 7 ? 'medium' : 'low';
}

function readEndpoints(fields: FieldReader, draft: AlertDraft): void {
  draft.source = makeEndpoint({
    address: fields.text('data.srcip', 'data.win.eventdata.ipAddress'),
    port: fields.port('data.srcport', 'data.win.eventdata.ipPort'),
    user: fields.text('data.srcuser', 'data.win.eventdata.subjectUserName'),
  });
  // The agent is the monitored host whose log raised the alert; agent 000 is the manager itself.
  const agentIsManager = fields.peek('agent.id') === '000';
  draft.destination = makeEndpoint({
    address: fields.text('data.dstip') ?? (agentIsManager ? undefined : fields.text('agent.ip')),
    port: fields.port('data.dstport'),
    host: agentIsManager ? undefined : fields.text('agent.name'),
    user: fields.text('data.dstuser', 'data.win.eventdata.targetUserName'),
  });
}

/** Wazuh alerts as written to alerts.json by the manager. */
export const wazuhAlertAdapter: AlertAdapter = {
  name: 'wazuh',
  label: 'Wazuh alert from alerts.json',

  detect(input: AlertInput): number {
    const object = firstJsonObject(jsonValueOf(input));
    if (!object || !isJsonObject(object.rule)) return 0;
    const rule = object.rule;
    const wazuhShaped = 'agent' in object || 'manager' in object || 'decoder' in object || 'full_log' in object;
    return 'level' in rule && 'description' in rule && wazuhShaped ? 0.95 : 0;
  },

  parse(input: AlertInput): AlertDraft {
    const { object, truncation } = readJsonRecord(input);
    const fields = new FieldReader(flattenJson(object));
    const description = fields.text('rule.description');
    if (!description) {
      throw new InputError(`${input.origin}: the Wazuh alert has no "rule.description"`, {
        hint: truncation ? 'The record is cut short; read the complete alert from alerts.json on the Wazuh manager' : 'Pass the alert as the Wazuh manager wrote it to alerts.json',
      });
    }
    const draft: AlertDraft = { format: 'wazuh', description, raw: object, sensor: 'Wazuh', originalLog: 'alerts.json', notes: [] };
    const ruleId = fields.text('rule.id');
    if (ruleId) draft.ruleId = ruleId;
    const level = fields.number('rule.level');
    if (level !== undefined) {
      draft.severity = String(level);
      draft.severityLevel = levelOf(level);
    }
    const frequency = fields.number('rule.frequency');
    if (frequency !== undefined && Number.isInteger(frequency) && frequency > 0) draft.eventCount = frequency;
    draft.attackIds = fields.texts('rule.mitre.id');
    draft.attackTactics = fields.texts('rule.mitre.tactic');
    fields.skip(/^rule\.mitre\.technique$/);
    readEndpoints(fields, draft);
    const protocol = fields.text('data.protocol');
    if (protocol) draft.protocol = protocol;
    const managerName = fields.text('manager.name');
    if (managerName) draft.sensorHost = managerName;
    applyTimestamp(draft, fields.text('timestamp'), input.referenceTime);

    const logLines = [fields.text('full_log'), ...(fields.text('previous_output')?.split('\n') ?? [])].filter((line): line is string => Boolean(line));
    draft.users = findLoginNames(logLines.join('\n'));
    markTruncated(draft, truncation);
    const details = detailLines({ entries: fields.unused(), notes: draft.notes!, first: contextFirst, lead: logLines });
    if (details) draft.details = details;
    return draft;
  },
};
