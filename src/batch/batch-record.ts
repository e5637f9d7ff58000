import type { Alert } from '../alert/alert-schema.js';
import { endpointLabel } from '../compose/compose-context.js';
import type { Explanation } from '../explanation/explanation-schema.js';
import type { InputPosition } from './input-position.js';

/**
 * Origin of an alert's explanation: drafted by the backend for this alert, filled in from a
 * template drafted earlier in the same job, or filled in from the cache of earlier runs.
 */
export type ExplainedBy = 'backend' | 'template' | 'cache';

/** The alert fields that identify an alert in reports and group records. */
export interface AlertSummary {
  description: string;
  ruleId?: string;
  ruleName?: string;
  sensor?: string;
  /** Source and target as "host (address)", the host, or the address. */
  source?: string;
  target?: string;
  /** Event time in UTC ISO 8601. */
  timestamp?: string;
}

/** Output line for an alert that was explained. */
export interface ExplainedRecord {
  position: InputPosition;
  status: 'explained';
  fingerprint: string;
  explainedBy: ExplainedBy;
  alert: AlertSummary;
  explanation: Explanation;
}

/** Output line for an alert that could not be explained, with the CLI's one-line message. */
export interface FailedRecord {
  position: InputPosition;
  status: 'failed';
  error: string;
  /** Present when the alert was read but explaining it failed. */
  fingerprint?: string;
}

/** Output line of `--group`: one per fingerprint and source/target pair. */
export interface GroupRecord {
  status: 'group';
  fingerprint: string;
  alert: AlertSummary;
  count: number;
  /** Earliest and latest event time in UTC ISO 8601, when the alerts had readable times. */
  firstSeen?: string;
  lastSeen?: string;
  firstPosition: InputPosition;
  lastPosition: InputPosition;
  /** One sentence with the count, the endpoints and the time window. */
  summary: string;
  /** The explanation of the group's first alert. */
  explanation: Explanation;
}

/** Every kind of output line. */
export type BatchRecord = ExplainedRecord | FailedRecord | GroupRecord;

/**
 * An explained record as the pipeline carries it: the explanation is already serialised,
 * because filling a template works on its JSON text, and only the technique IDs are needed
 * to count it.
 */
export interface ExplainedResult extends Omit<ExplainedRecord, 'explanation'> {
  explanationJson: string;
  techniqueIds: string[];
}

/** Result of explaining one alert. */
export type BatchResult = ExplainedResult | FailedRecord;

/** Record given to a sink: a per-alert result, or a group record in `--group` mode. */
export type SinkRecord = BatchResult | GroupRecord;

/** Parses the explanation of a result back into an object. */
export function resultExplanation(result: ExplainedResult): Explanation {
  return JSON.parse(result.explanationJson) as Explanation;
}

/** Turns an explained record read back from an output file into a result. */
export function toResult(record: ExplainedRecord | FailedRecord): BatchResult {
  if (record.status === 'failed') return record;
  const { explanation, ...rest } = record;
  return { ...rest, explanationJson: JSON.stringify(explanation), techniqueIds: explanation.techniques.map((technique) => technique.id) };
}

/** Picks the fields of an alert that identify it in records and reports. */
export function summarizeAlert(alert: Alert): AlertSummary {
  const summary: AlertSummary = { description: alert.description };
  const fields = {
    ruleId: alert.ruleId,
    ruleName: alert.ruleName,
    sensor: alert.sensor,
    source: endpointLabel(alert.source),
    target: endpointLabel(alert.destination),
    timestamp: alert.timestamp,
  };
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) summary[name as keyof typeof fields] = value;
  return summary;
}

/**
 * Serialises a record as one JSON line, newline included. An explained result is written
 * with its serialised explanation spliced in, in the key order of ExplainedRecord.
 */
export function recordLine(record: SinkRecord): string {
  if (record.status !== 'explained') return `${JSON.stringify(record)}\n`;
  const { position, fingerprint, explainedBy, alert, explanationJson } = record;
  return `{"position":${JSON.stringify(position)},"status":"explained","fingerprint":${JSON.stringify(fingerprint)},"explainedBy":"${explainedBy}","alert":${JSON.stringify(alert)},"explanation":${explanationJson}}\n`;
}
