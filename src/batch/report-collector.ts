import type { Explanation } from '../explanation/explanation-schema.js';
import { resultExplanation, type AlertSummary, type SinkRecord } from './batch-record.js';
import type { InputPosition } from './input-position.js';

/** One fingerprint group as the report shows it. */
export interface ReportGroup {
  fingerprint: string;
  count: number;
  alert: AlertSummary;
  firstPosition: InputPosition;
  firstSeen?: string;
  lastSeen?: string;
  /** Explanation of the group's first alert; absent past the collector's group limit. */
  explanation?: Explanation;
}

/**
 * Collects what `--report` needs from the records of a job: each fingerprint's count, time
 * window and first explanation. Explanations are kept for the first `maxExplained` groups
 * only (about 6 KB each), so memory stays bounded when a job has very many fingerprints.
 */
export class ReportCollector {
  readonly groups = new Map<string, ReportGroup>();
  private readonly maxExplained: number;
  private explainedGroups = 0;

  constructor(maxExplained = 5000) {
    this.maxExplained = maxExplained;
  }

  add(record: SinkRecord): void {
    if (record.status === 'failed') return;
    const position = record.status === 'group' ? record.firstPosition : record.position;
    const count = record.status === 'group' ? record.count : 1;
    let group = this.groups.get(record.fingerprint);
    if (!group) {
      group = { fingerprint: record.fingerprint, count: 0, alert: record.alert, firstPosition: position };
      if (this.explainedGroups < this.maxExplained) {
        group.explanation = record.status === 'group' ? record.explanation : resultExplanation(record);
        this.explainedGroups += 1;
      }
      this.groups.set(record.fingerprint, group);
    }
    group.count += count;
    const times = record.status === 'group' ? [record.firstSeen, record.lastSeen] : [record.alert.timestamp];
    for (const time of times) {
      if (!time) continue;
      if (!group.firstSeen || time < group.firstSeen) group.firstSeen = time;
      if (!group.lastSeen || time > group.lastSeen) group.lastSeen = time;
    }
  }
}
