import type { Explanation } from '../explanation/explanation-schema.js';
import { resultExplanation, type ExplainedResult, type GroupRecord } from './batch-record.js';
import type { ResultSink } from './result-sink.js';

interface GroupState {
  first: ExplainedResult;
  count: number;
  firstSeen?: string;
  lastSeen?: string;
  lastPosition: ExplainedResult['position'];
}

function clock(timestamp: string): string {
  return `${timestamp.slice(0, 10)} ${timestamp.slice(11, 19)} UTC`;
}

function duration(fromIso: string, toIso: string): string {
  const seconds = Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const parts = [hours > 0 ? `${hours} h` : '', minutes > 0 ? `${minutes} min` : '', `${seconds % 60} s`].filter(Boolean);
  return parts.join(' ');
}

/** Writes the sentence of a group record: count, endpoints and time window. */
export function describeGroup(group: Pick<GroupRecord, 'count' | 'alert' | 'firstSeen' | 'lastSeen'>): string {
  const { source, target } = group.alert;
  const alerts = group.count === 1 ? '1 alert' : `${group.count} alerts`;
  let between = '';
  if (source && target) between = ` from ${source} to ${target}`;
  else if (source) between = ` from ${source}`;
  else if (target) between = ` involving ${target}`;
  let when = '';
  if (group.firstSeen && group.lastSeen && group.firstSeen !== group.lastSeen) {
    when = ` between ${clock(group.firstSeen)} and ${clock(group.lastSeen)} (${duration(group.firstSeen, group.lastSeen)})`;
  } else if (group.firstSeen) {
    when = ` at ${clock(group.firstSeen)}`;
  }
  return `${alerts}${between}${when}.`;
}

/**
 * Wraps a sink for `--group`. Explained alerts are counted per fingerprint and source/target
 * pair instead of written. On close, one group record per pair is written, largest group
 * first, with the count, the time window and the explanation of the group's first alert.
 * Failed records pass straight through. Memory grows with the number of groups, not alerts.
 */
export function createGroupingSink(inner: ResultSink, onGroup?: (record: GroupRecord) => void): ResultSink {
  const groups = new Map<string, GroupState>();
  return {
    async write(record) {
      if (record.status !== 'explained') return inner.write(record);
      const key = `${record.fingerprint}\u0000${record.alert.source ?? ''}\u0000${record.alert.target ?? ''}`;
      const group = groups.get(key) ?? { first: record, count: 0, lastPosition: record.position };
      group.count += 1;
      group.lastPosition = record.position;
      const time = record.alert.timestamp;
      if (time && (!group.firstSeen || Date.parse(time) < Date.parse(group.firstSeen))) group.firstSeen = time;
      if (time && (!group.lastSeen || Date.parse(time) > Date.parse(group.lastSeen))) group.lastSeen = time;
      groups.set(key, group);
    },
    async close() {
      const ordered = [...groups.values()].sort((a, b) => b.count - a.count);
      for (const group of ordered) {
        const record = toGroupRecord(group);
        onGroup?.(record);
        await inner.write(record);
      }
      await inner.close();
    },
  };
}

/** The offline composer's sentence with the time of one alert. */
const singleTimeSentence = /It happened on \d{4}-\d{2}-\d{2} at \d{2}:\d{2}:\d{2} UTC\./;

/**
 * Rewrites the group's explanation to speak of the whole group: the sentence giving one alert's
 * time becomes the count and time window, or the count and window open the summary when the
 * explanation words time otherwise. Without it, the summary would name the time of whichever
 * alert finished first, as if it were the only one.
 */
function explainGroup(explanation: Explanation, group: GroupState): Explanation {
  if (group.count <= 1) return explanation;
  const window =
    group.firstSeen && group.lastSeen && group.firstSeen !== group.lastSeen
      ? ` between ${clock(group.firstSeen)} and ${clock(group.lastSeen)} (${duration(group.firstSeen, group.lastSeen)})`
      : '';
  const sentence = `The sensor raised this alert ${group.count} times${window}.`;
  const summary = explanation.interpretation.summary;
  const rewritten = singleTimeSentence.test(summary) ? summary.replace(singleTimeSentence, sentence) : `${sentence} ${summary}`;
  return { ...explanation, interpretation: { ...explanation.interpretation, summary: rewritten } };
}

function toGroupRecord(group: GroupState): GroupRecord {
  const window = {
    ...(group.firstSeen ? { firstSeen: group.firstSeen } : {}),
    ...(group.lastSeen ? { lastSeen: group.lastSeen } : {}),
  };
  const counted = { count: group.count, alert: group.first.alert, ...window };
  return {
    status: 'group',
    fingerprint: group.first.fingerprint,
    alert: group.first.alert,
    count: group.count,
    ...window,
    firstPosition: group.first.position,
    lastPosition: group.lastPosition,
    summary: describeGroup(counted),
    explanation: explainGroup(resultExplanation(group.first), group),
  };
}
