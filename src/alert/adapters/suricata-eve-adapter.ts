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
import { severityFromPriority } from '../severity-level.js';
import type { AlertAdapter } from './alert-adapter.js';

/** Detail prefixes a reader needs first: what the sensor did, then the application layer. */
const contextFirst = ['alert.action', 'http', 'tls', 'dns', 'ssh', 'smb', 'fileinfo', 'files', 'anomaly', 'flow', 'alert.metadata'];

function missingSignature(input: AlertInput, cut: boolean): InputError {
  if (cut) {
    return new InputError(`${input.origin}: the Suricata EVE record is cut short before "alert.signature", so there is nothing to explain`, {
      hint: 'Read the complete event from eve.json on the sensor',
    });
  }
  return new InputError(`${input.origin}: the Suricata EVE alert has no "alert.signature"`, {
    hint: 'Pass the alert event as Suricata wrote it, or use --input-format json to read it as plain JSON',
  });
}

function readRuleId(fields: FieldReader): string | undefined {
  const sid = fields.number('alert.signature_id');
  if (sid === undefined) return undefined;
  const gid = fields.number('alert.gid') ?? 1;
  const rev = fields.number('alert.rev');
  return rev === undefined ? `${gid}:${sid}` : `${gid}:${sid}:${rev}`;
}

/**
 * Reads the endpoints. `alert.source` and `alert.target`, set by rules with the `target`
 * keyword, say which side is attacked, so they win over the packet direction of src/dest.
 */
function readEndpoints(fields: FieldReader, draft: AlertDraft): void {
  const targetAddress = fields.text('alert.target.ip');
  const sourceAddress = fields.text('alert.source.ip');
  const sourcePort = fields.port('alert.source.port');
  const targetPort = fields.port('alert.target.port');
  const source = makeEndpoint({ address: sourceAddress ?? fields.text('src_ip'), port: sourcePort ?? fields.port('src_port') });
  const destination = makeEndpoint({ address: targetAddress ?? fields.text('dest_ip'), port: targetPort ?? fields.port('dest_port') });
  // The HTTP Host header and the TLS SNI name the server, which is the source of a reply.
  const serverName = fields.text('http.hostname', 'tls.sni');
  const toClient = fields.text('direction') === 'to_client';
  if (serverName && toClient) source.host = serverName;
  else if (serverName) destination.host = serverName;
  draft.source = source;
  draft.destination = destination;
}

/** Suricata EVE JSON alert events, as written to eve.json or forwarded by syslog. */
export const suricataEveAdapter: AlertAdapter = {
  name: 'suricata-eve',
  label: 'Suricata EVE JSON alert event (eve.json)',

  detect(input: AlertInput): number {
    const object = firstJsonObject(jsonValueOf(input));
    if (!object || typeof object.event_type !== 'string') return 0;
    return 'src_ip' in object || 'flow_id' in object || 'alert' in object ? 0.95 : 0;
  },

  parse(input: AlertInput): AlertDraft {
    const { object, truncation } = readJsonRecord(input);
    if (object.event_type !== 'alert') {
      throw new InputError(`${input.origin}: the Suricata EVE record is a "${String(object.event_type)}" event, not an alert`, {
        hint: 'Pass an event with "event_type": "alert", or use --input-format json to read it as plain JSON',
      });
    }
    const fields = new FieldReader(flattenJson(object));
    fields.skip(/^event_type$/);
    const description = fields.text('alert.signature');
    if (!description) throw missingSignature(input, truncation !== undefined);

    const draft: AlertDraft = { format: 'suricata-eve', description, raw: object, sensor: 'Suricata', originalLog: 'eve.json', notes: [] };
    const ruleId = readRuleId(fields);
    if (ruleId) draft.ruleId = ruleId;
    const category = fields.text('alert.category');
    if (category) draft.category = category;
    const severity = fields.number('alert.severity');
    if (severity !== undefined) {
      draft.severity = String(severity);
      const level = severityFromPriority(severity);
      if (level) draft.severityLevel = level;
    }
    readEndpoints(fields, draft);
    const protocol = displayProtocol(fields.text('app_proto')) ?? fields.text('proto');
    if (protocol) draft.protocol = protocol;
    const sensorHost = fields.text('host');
    if (sensorHost) draft.sensorHost = sensorHost;
    applyTimestamp(draft, fields.text('timestamp'), input.referenceTime);

    draft.attackIds = fields.texts('alert.metadata.mitre_technique_id');
    draft.attackTactics = fields.texts('alert.metadata.mitre_tactic_id', 'alert.metadata.mitre_tactic_name');
    // Vendor technique names stay in raw: explanations name techniques from ATT&CK itself.
    fields.skip(/^alert\.metadata\.mitre_technique_name$/);
    markTruncated(draft, truncation);
    const details = detailLines({ entries: fields.unused(), notes: draft.notes!, first: contextFirst });
    if (details) draft.details = details;
    return draft;
  },
};
