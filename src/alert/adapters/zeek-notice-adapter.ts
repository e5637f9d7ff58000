import { InputError } from '../../errors/input-error.js';
import type { AlertDraft } from '../alert-schema.js';
import { jsonValueOf, type AlertInput } from '../alert-input.js';
import { applyTimestamp } from '../apply-timestamp.js';
import { detailLines } from '../detail-lines.js';
import { displayProtocol } from '../display-protocol.js';
import { extractFacts } from '../../facts/extract-facts.js';
import { FieldReader } from '../field-reader.js';
import { flattenJson } from '../flatten-json.js';
import { firstJsonObject, markTruncated, readJsonRecord } from '../json-record.js';
import { makeEndpoint } from '../make-endpoint.js';
import { looksLikeZeekTsv, readZeekTsv } from '../read-zeek-tsv.js';
import type { AlertAdapter } from './alert-adapter.js';

/** Notice namespaces that are Zeek protocol analyzers, so the protocol is known from the name. */
const protocolNamespaces = new Set(['dns', 'ftp', 'http', 'irc', 'krb', 'rdp', 'sip', 'smb', 'smtp', 'snmp', 'ssh', 'ssl', 'telnet']);

const contextFirst = ['sub', 'n', 'actions', 'suppress_for', 'file_desc', 'file_mime_type', 'fuid', 'uid'];

function readTsvRecord(input: AlertInput): Record<string, unknown> {
  const log = readZeekTsv(input.text, input.origin);
  if (log.path && log.path !== 'notice') {
    throw new InputError(`${input.origin}: the Zeek log is ${log.path}.log, not notice.log`, {
      hint: 'Pass a record from notice.log, or the alert of another sensor',
    });
  }
  if (!log.fields.includes('note') || !log.fields.includes('msg')) {
    throw new InputError(`${input.origin}: the Zeek log has no "note" and "msg" fields, so it is not notice.log`, {
      hint: 'Pass a record from notice.log as Zeek wrote it, header lines included',
    });
  }
  if (log.records.length !== 1) {
    throw new InputError(`${input.origin}: the Zeek log contains ${log.records.length} notices; "explain" reads one`, {
      hint: 'Keep the header lines and one record line, or use "ids-explain batch" for many',
    });
  }
  return log.records[0]!;
}

function protocolOf(note: string, fields: FieldReader): string | undefined {
  const namespace = note.split('::')[0]?.toLowerCase() ?? '';
  const application = protocolNamespaces.has(namespace) ? displayProtocol(namespace) : undefined;
  const transport = fields.text('proto');
  return application ?? transport?.toUpperCase();
}

/**
 * Reads the endpoints. When the notice names no responder, the distinct addresses in `sub`
 * (such as "Sample of targeted servers: ...") other than the source are its targets.
 */
function readEndpoints(fields: FieldReader, draft: AlertDraft): void {
  const sourceAddress = fields.text('id.orig_h', 'src');
  draft.source = makeEndpoint({ address: sourceAddress, port: fields.port('id.orig_p') });
  const destinationAddress = fields.text('id.resp_h', 'dst');
  const destinationPort = fields.port('id.resp_p', 'p');
  draft.destination = makeEndpoint({ address: destinationAddress, port: destinationPort });
  if (destinationAddress) return;
  const targets = extractFacts(fields.peek('sub') ?? '').addresses.filter((address) => address !== sourceAddress);
  if (targets.length === 1) draft.destination.address = targets[0]!;
  else if (targets.length > 1) draft.targets = targets;
}

function readNotice(object: Record<string, unknown>, input: AlertInput): { draft: AlertDraft; fields: FieldReader } {
  const fields = new FieldReader(flattenJson(object));
  const description = fields.text('msg');
  const note = fields.text('note');
  if (!description || !note) {
    throw new InputError(`${input.origin}: the Zeek notice has no ${description ? '"note"' : '"msg"'} value`, {
      hint: 'Pass a complete notice.log record',
    });
  }
  const draft: AlertDraft = { format: 'zeek-notice', description, ruleName: note, raw: object, sensor: 'Zeek', originalLog: 'notice.log', notes: [] };
  readEndpoints(fields, draft);
  const protocol = protocolOf(note, fields);
  if (protocol) draft.protocol = protocol;
  const count = fields.number('n');
  if (count !== undefined && Number.isInteger(count) && count >= 0) draft.eventCount = count;
  const sensorHost = fields.text('peer_descr', '_node_name');
  if (sensorHost) draft.sensorHost = sensorHost;
  applyTimestamp(draft, fields.text('ts'), input.referenceTime);
  return { draft, fields };
}

/** Zeek notice.log records, tab-separated with their header lines or as JSON. */
export const zeekNoticeAdapter: AlertAdapter = {
  name: 'zeek-notice',
  label: 'Zeek notice.log record, tab-separated with its #fields header, or JSON',

  detect(input: AlertInput): number {
    if (looksLikeZeekTsv(input.text)) return /^#fields\t(?=.*\tnote\t)(?=.*\tmsg\t)/m.test(input.text.slice(0, 4096)) ? 0.95 : 0.6;
    const object = firstJsonObject(jsonValueOf(input));
    if (!object || typeof object.note !== 'string' || !object.note.includes('::')) return 0;
    return 'ts' in object && 'msg' in object ? 0.95 : 0;
  },

  parse(input: AlertInput): AlertDraft {
    const fromTsv = looksLikeZeekTsv(input.text);
    const record = fromTsv ? { object: readTsvRecord(input) } : readJsonRecord(input);
    const { draft, fields } = readNotice(record.object, input);
    markTruncated(draft, 'truncation' in record ? record.truncation : undefined);
    const details = detailLines({ entries: fields.unused(), notes: draft.notes!, first: contextFirst });
    if (details) draft.details = details;
    return draft;
  },
};
