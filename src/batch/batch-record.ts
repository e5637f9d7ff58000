import type { Alert } from '../alert/alert-schema.js';
import type { Explanation } from '../explanation/explanation-schema.js';
import type { InputPosition } from './input-position.js';

/**
 * How an alert's explanation was made: drafted by the backend for this alert, instantiated
 * from a template drafted earlier in the same job, or instantiated from the cache of earlier
 * runs.
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

export type BatchRecord = ExplainedRecord | FailedRecord | GroupRecord;

function endpointLabel(endpoint: Alert['source']): string | undefined {
  if (endpoint.host && endpoint.address && endpoint.host !== endpoint.address) return `${endpoint.host} (${endpoint.address})`;
  return endpoint.host ?? endpoint.address;
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

/** Serialises a record as one JSON line, newline included. */
export function recordLine(record: BatchRecord): string {
  return `${JSON.stringify(record)}\n`;
}
