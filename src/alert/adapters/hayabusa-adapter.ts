import { InputError } from '../../errors/input-error.js';
import type { AlertDraft } from '../alert-schema.js';
import { jsonValueOf, type AlertInput } from '../alert-input.js';
import { applyTimestamp } from '../apply-timestamp.js';
import type { FieldEntry } from '../assign-fields.js';
import { detailLines } from '../detail-lines.js';
import { FieldReader } from '../field-reader.js';
import { flattenJson } from '../flatten-json.js';
import { firstJsonObject, markTruncated, readJsonRecord } from '../json-record.js';
import { makeEndpoint } from '../make-endpoint.js';
import { readCsv } from '../read-csv.js';
import { severityFromName } from '../severity-level.js';
import type { AlertAdapter } from './alert-adapter.js';

/** Hayabusa joins list values and detail pairs with this separator in its CSV output. */
const listSeparator = ' ¦ ';

/** Hayabusa's abbreviations of ATT&CK tactic names in the MitreTactics column. */
const tacticAbbreviations: Record<string, string> = {
  Recon: 'Reconnaissance',
  ResDev: 'Resource Development',
  InitAccess: 'Initial Access',
  Exec: 'Execution',
  Persis: 'Persistence',
  PrivEsc: 'Privilege Escalation',
  Evas: 'Defense Evasion',
  CredAccess: 'Credential Access',
  Disc: 'Discovery',
  LatMov: 'Lateral Movement',
  Collect: 'Collection',
  C2: 'Command and Control',
  Exfil: 'Exfiltration',
  Impact: 'Impact',
};

function headerOf(text: string): string {
  return text.trimStart().slice(0, 2048).split(/\r?\n/, 1)[0] ?? '';
}

function isTimelineHeader(line: string): boolean {
  const columns = line.split(',').map((column) => column.replace(/^"|"$/g, '').trim());
  return columns.includes('Timestamp') && columns.includes('RuleTitle');
}

/** Splits a "Key: value ¦ Key: value" details cell into fields under `prefix`. */
function splitDetails(cell: string, prefix: string): FieldEntry[] {
  return cell.split(listSeparator).map((part, index) => {
    const pair = /^([\w .()-]{1,40}): ?(.*)$/s.exec(part.trim());
    return pair ? { path: `${prefix}.${pair[1]!.trim()}`, value: pair[2]! } : { path: `${prefix}.${index}`, value: part.trim() };
  });
}

function csvRecord(input: AlertInput): { record: Record<string, string>; entries: FieldEntry[] } {
  const [header, ...rows] = readCsv(input.text, input.origin);
  if (!header || rows.length !== 1) {
    throw new InputError(`${input.origin}: the Hayabusa CSV timeline has ${rows.length} detections; "explain" reads one`, {
      hint: 'Keep the header line and one row, or use "ids-explain batch" for many',
    });
  }
  const row = rows[0]!;
  if (row.length !== header.length) {
    throw new InputError(`${input.origin}: the Hayabusa CSV row has ${row.length} fields but the header names ${header.length}`, {
      hint: 'Check that the row was not cut short and that fields with commas are quoted',
    });
  }
  const record = Object.fromEntries(header.map((name, index) => [name, row[index]!]));
  const entries = header.flatMap((name, index): FieldEntry[] => {
    const value = row[index]!;
    if (name === 'Details' || name === 'ExtraFieldInfo') return splitDetails(value, name);
    if (['MitreTactics', 'MitreTags', 'OtherTags'].includes(name)) return value.split(listSeparator).map((item) => ({ path: name, value: item.trim() }));
    return [{ path: name, value }];
  });
  return { record, entries };
}

/** JSON timelines carry Details as an object, but older versions wrote the joined CSV text. */
function jsonEntries(object: Record<string, unknown>): FieldEntry[] {
  return flattenJson(object).flatMap((entry) =>
    (entry.path === 'Details' || entry.path === 'ExtraFieldInfo') && typeof entry.value === 'string' ? splitDetails(entry.value, entry.path) : [entry],
  );
}

function readEndpoints(fields: FieldReader, draft: AlertDraft): void {
  const detail = (...names: string[]) => fields.text(...names.map((name) => `Details.${name}`));
  draft.source = makeEndpoint({
    address: detail('SrcIP', 'SourceIP'),
    port: fields.port('Details.SrcPort', 'Details.SourcePort'),
    host: detail('SrcComp', 'SrcHost', 'SourceHost'),
  });
  draft.destination = makeEndpoint({
    address: detail('TgtIP', 'DstIP', 'DestIP'),
    port: fields.port('Details.TgtPort', 'Details.DstPort'),
    host: detail('TgtComp', 'TgtHost') ?? fields.text('Computer'),
  });
  const users = ['User', 'SrcUser', 'TgtUser'].map((name) => fields.peek(`Details.${name}`)).filter((user): user is string => Boolean(user) && user !== '-');
  draft.users = [...new Set(users)];
  if (users[0]) draft.source.user = users[0];
}

/** Hayabusa csv-timeline and json-timeline detections, one per input. */
export const hayabusaAdapter: AlertAdapter = {
  name: 'hayabusa',
  label: 'Hayabusa CSV or JSON timeline detection',

  detect(input: AlertInput): number {
    const object = firstJsonObject(jsonValueOf(input));
    if (object) return 'RuleTitle' in object && 'Timestamp' in object ? 0.95 : 0;
    return input.json === undefined && isTimelineHeader(headerOf(input.text)) ? 0.95 : 0;
  },

  parse(input: AlertInput): AlertDraft {
    const json = firstJsonObject(jsonValueOf(input));
    const { object, truncation } = json ? readJsonRecord(input) : { object: undefined, truncation: undefined };
    const { record, entries } = object ? { record: object, entries: jsonEntries(object) } : csvRecord(input);
    const fields = new FieldReader(entries);
    const description = fields.text('RuleTitle');
    if (!description) throw new InputError(`${input.origin}: the Hayabusa detection has no RuleTitle`, { hint: 'Pass a row of a Hayabusa timeline with its header' });
    const draft: AlertDraft = { format: 'hayabusa', description, raw: record, sensor: 'Hayabusa', notes: [] };
    const ruleId = fields.text('RuleID');
    if (ruleId) draft.ruleId = ruleId;
    const level = fields.text('Level');
    if (level) draft.severity = level;
    const severityLevel = severityFromName(level);
    if (severityLevel) draft.severityLevel = severityLevel;
    const list = (path: string) => fields.texts(path).flatMap((value) => value.split(listSeparator)).map((value) => value.trim());
    draft.attackIds = list('MitreTags');
    draft.attackTactics = list('MitreTactics').map((tactic) => (Object.hasOwn(tacticAbbreviations, tactic) ? tacticAbbreviations[tactic]! : tactic));
    readEndpoints(fields, draft);
    const originalLog = fields.peek('EvtxFile');
    if (originalLog) draft.originalLog = originalLog;
    applyTimestamp(draft, fields.text('Timestamp'), input.referenceTime);
    markTruncated(draft, truncation);
    const details = detailLines({ entries: fields.unused(), notes: draft.notes!, first: ['Details', 'ExtraFieldInfo', 'EventID', 'Channel'] });
    if (details) draft.details = details;
    return draft;
  },
};
