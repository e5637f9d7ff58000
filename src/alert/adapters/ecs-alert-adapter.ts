import { InputError } from '../../errors/input-error.js';
import type { AlertDraft, SeverityLevel } from '../alert-schema.js';
import { jsonValueOf, type AlertInput } from '../alert-input.js';
import { applyTimestamp } from '../apply-timestamp.js';
import { detailLines } from '../detail-lines.js';
import { displayProtocol } from '../display-protocol.js';
import { FieldReader } from '../field-reader.js';
import { flattenJson } from '../flatten-json.js';
import { firstJsonObject, isJsonObject, markTruncated, readJsonRecord } from '../json-record.js';
import { makeEndpoint } from '../make-endpoint.js';
import { severityFromName } from '../severity-level.js';
import type { AlertAdapter } from './alert-adapter.js';

// Elastic Security writes the rule's threat mapping under kibana.alert.rule.threat, older
// SIEM signals under signal.rule.threat, and plain ECS events under threat.
const techniqueIdPattern = /^(?:kibana\.alert\.rule\.|signal\.rule\.)?threat(?:\.\d+)?\.technique(?:\.\d+)?(?:\.subtechnique(?:\.\d+)?)?\.id$/;
const tacticPattern = /^(?:kibana\.alert\.rule\.|signal\.rule\.)?threat(?:\.\d+)?\.tactic\.(?:id|name)$/;
const techniqueNamePattern = /^(?:kibana\.alert\.rule\.|signal\.rule\.)?threat(?:\.\d+)?\.(?:technique|tactic|framework)/;

const contextFirst = ['process', 'file', 'registry', 'dns', 'url', 'http', 'tls', 'winlog.event_data', 'network', 'event'];

function hasElasticAlert(object: Record<string, unknown>): boolean {
  return Object.keys(object).some((key) => key.startsWith('kibana.alert.')) || (isJsonObject(object.kibana) && 'alert' in object.kibana);
}

function isEcsEvent(object: Record<string, unknown>): boolean {
  if (!('@timestamp' in object)) return false;
  return 'ecs' in object || 'ecs.version' in object || isJsonObject(object.event) || Object.keys(object).some((key) => key.startsWith('event.'));
}

/** Elastic's risk score bands: 0-21 low, 22-47 medium, 48-73 high, 74-100 critical. */
function levelFromRisk(score: number | undefined): SeverityLevel | undefined {
  if (score === undefined) return undefined;
  if (score >= 74) return 'critical';
  if (score >= 48) return 'high';
  return score >= 22 ? 'medium' : 'low';
}

function readSeverity(fields: FieldReader, draft: AlertDraft): void {
  const named = fields.text('kibana.alert.severity', 'signal.rule.severity', 'event.severity_name');
  const risk = fields.number('kibana.alert.risk_score', 'signal.rule.risk_score', 'event.risk_score');
  const numeric = named === undefined ? fields.number('event.severity') : undefined;
  if (named) draft.severity = named;
  else if (risk !== undefined) draft.severity = `risk score ${risk}`;
  else if (numeric !== undefined) draft.severity = String(numeric);
  const level = severityFromName(named) ?? levelFromRisk(risk);
  if (level) draft.severityLevel = level;
}

/**
 * Reads the endpoints. An event without destination fields happened on the host it names
 * (a process, file or logon event), so that host is what was acted on.
 */
function readEndpoints(fields: FieldReader, draft: AlertDraft): void {
  const user = fields.text('user.name');
  const domain = fields.text('user.domain');
  const account = user && domain && !user.includes('\\') ? `${domain}\\${user}` : user;
  draft.source = makeEndpoint({
    address: fields.text('source.ip', 'client.ip'),
    port: fields.port('source.port', 'client.port'),
    host: fields.text('source.domain', 'client.domain'),
    user: fields.text('source.user.name') ?? account,
  });
  const address = fields.text('destination.ip', 'server.ip');
  const host = fields.text('destination.domain', 'server.domain', 'url.domain');
  if (address || host) {
    draft.destination = makeEndpoint({ address, host, port: fields.port('destination.port', 'server.port'), user: fields.text('destination.user.name') });
    return;
  }
  draft.destination = makeEndpoint({ host: fields.text('host.name', 'host.hostname'), address: fields.text('host.ip') });
}

function describe(fields: FieldReader, input: AlertInput, cut: boolean): { description: string; ruleName?: string } {
  const ruleName = fields.text('kibana.alert.rule.name', 'signal.rule.name', 'rule.name');
  const description = fields.text('kibana.alert.rule.description', 'signal.rule.description', 'rule.description', 'message', 'event.reason', 'event.action') ?? ruleName;
  if (!description) {
    throw new InputError(`${input.origin}: the ECS document has no rule name, rule description, message or event.action`, {
      hint: cut ? 'The record is cut short; read the complete document from Elasticsearch' : 'Pass the alert document as Elastic Security stores it, or use --input-format json',
    });
  }
  return ruleName && ruleName !== description ? { description, ruleName } : { description };
}

/** Elastic Security alerts and other Elastic Common Schema (ECS) documents. */
export const ecsAlertAdapter: AlertAdapter = {
  name: 'ecs',
  label: 'Elastic Security alert or other ECS document (kibana.alert.*, @timestamp, source.*, destination.*)',

  detect(input: AlertInput): number {
    const object = firstJsonObject(jsonValueOf(input));
    if (!object) return 0;
    if (hasElasticAlert(object)) return 0.95;
    return isEcsEvent(object) ? 0.8 : 0;
  },

  parse(input: AlertInput): AlertDraft {
    const { object, truncation } = readJsonRecord(input);
    const fields = new FieldReader(flattenJson(object));
    const elastic = hasElasticAlert(object);
    const draft: AlertDraft = { ...describe(fields, input, truncation !== undefined), format: 'ecs', raw: object, notes: [] };
    const ruleId = fields.text('kibana.alert.rule.rule_id', 'kibana.alert.rule.uuid', 'signal.rule.rule_id', 'rule.id', 'rule.uuid');
    if (ruleId) draft.ruleId = ruleId;
    readSeverity(fields, draft);
    draft.attackIds = fields.matching(techniqueIdPattern);
    draft.attackTactics = fields.matching(tacticPattern);
    fields.skip(techniqueNamePattern);
    readEndpoints(fields, draft);
    const protocol = displayProtocol(fields.text('network.protocol')) ?? fields.text('network.transport')?.toUpperCase();
    if (protocol) draft.protocol = protocol;
    const category = fields.texts('event.category').join(', ');
    if (category) draft.category = category;
    const sensor = elastic ? 'Elastic Security' : fields.text('observer.product', 'observer.vendor', 'agent.type', 'event.module');
    if (sensor) draft.sensor = sensor;
    const sensorHost = fields.text('observer.hostname', 'observer.name');
    if (sensorHost) draft.sensorHost = sensorHost;
    draft.originalLog = elastic ? 'the Elastic Security alerts index' : 'the Elasticsearch index that holds the event';
    applyTimestamp(draft, fields.text('kibana.alert.original_time', '@timestamp', 'event.created'), input.referenceTime);

    const reason = fields.text('kibana.alert.reason', 'signal.reason');
    // Rule settings, ancestry and workflow fields describe Kibana, not the event; raw keeps them.
    fields.skip(/^(?:kibana|signal)\./);
    markTruncated(draft, truncation);
    const details = detailLines({ entries: fields.unused(), notes: draft.notes!, first: contextFirst, lead: reason ? [reason] : [] });
    if (details) draft.details = details;
    return draft;
  },
};
