import type { Alert } from '../alert/alert-schema.js';
import type { TamperingFinding } from '../injection/screen-alert.js';
import { isInternalAddress } from '../facts/is-internal-address.js';

/** Alert values that composed sentences may repeat, with neutral wording where one is missing. */
export interface ComposeContext {
  alert: Alert;
  /** Source host or address as the alert names it, if any. */
  source?: string;
  /** Destination host or address as the alert names it, or its several targets joined, if any. */
  target?: string;
  /**
   * The side at risk: the destination when it is on an internal network, else an internal
   * source (a host calling out to a control server), else the destination.
   */
  victim?: string;
  /** Number of distinct targets when the alert names several instead of one destination. */
  targetCount?: number;
  /** Sensor that reported the alert, with the machine it runs on when known. */
  reporter?: string;
  account?: string;
  /** Host names in the alert text that are not already the source or the target. */
  otherHosts: string[];
  /** "on 2024-07-01 at 19:20:15 UTC", when the alert has a readable time. */
  when?: string;
  /** Fields withheld because they contain instruction-like text. */
  findings: TamperingFinding[];
}

/** Names an endpoint as "host (address)", the host, or the address; undefined when it has neither. */
export function endpointLabel(endpoint: Alert['source']): string | undefined {
  if (endpoint.host && endpoint.address && endpoint.host !== endpoint.address) return `${endpoint.host} (${endpoint.address})`;
  return endpoint.host ?? endpoint.address;
}

function describeTime(alert: Alert): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(alert.timestamp ?? '');
  return match ? `on ${match[1]} at ${match[2]} UTC` : undefined;
}

function chooseVictim(alert: Alert, source: string | undefined, target: string | undefined): string | undefined {
  if (isInternalAddress(alert.destination.address)) return target;
  if (isInternalAddress(alert.source.address)) return source;
  return target ?? source;
}

/** Collects what composed sentences may say about the alert's endpoints, accounts and time. */
export function createComposeContext(alert: Alert, findings: TamperingFinding[] = []): ComposeContext {
  const source = endpointLabel(alert.source);
  const targets = alert.targets ?? [];
  const target = endpointLabel(alert.destination) ?? (targets.length > 0 ? joinWords(targets) : undefined);
  const named = [source, target].filter(Boolean).join(' ').toLowerCase();
  const context: ComposeContext = {
    alert,
    otherHosts: alert.hosts.filter((host) => !named.includes(host.toLowerCase())),
    findings,
  };
  if (source) context.source = source;
  if (target) context.target = target;
  const victim = chooseVictim(alert, source, target);
  if (victim) context.victim = victim;
  if (!endpointLabel(alert.destination) && targets.length > 1) context.targetCount = targets.length;
  const reporter = alert.sensor && alert.sensorHost ? `${alert.sensor} on ${alert.sensorHost}` : alert.sensor;
  if (reporter) context.reporter = reporter;
  const account = alert.source.user ?? alert.destination.user ?? alert.users[0];
  if (account) context.account = account;
  const when = describeTime(alert);
  if (when) context.when = when;
  return context;
}

const neutral = {
  source: 'the source system',
  target: 'the targeted system',
  victim: 'the affected system',
  account: 'the account involved',
};

/** Replaces `{source}`, `{target}`, `{victim}` and `{account}` with alert values or neutral words. */
export function fillPlaceholders(template: string, context: ComposeContext): string {
  return template
    .replace(/\{source\}/g, context.source ?? neutral.source)
    .replace(/\{target\}/g, context.target ?? neutral.target)
    .replace(/\{victim\}/g, context.victim ?? neutral.victim)
    .replace(/\{account\}/g, context.account ?? neutral.account);
}

/** Tells whether a template needs a value that the alert lacks. */
export function needsMissingValue(template: string, context: ComposeContext): boolean {
  return (
    (template.includes('{source}') && !context.source) ||
    (template.includes('{target}') && !context.target) ||
    (template.includes('{victim}') && !context.victim) ||
    (template.includes('{account}') && !context.account)
  );
}

/** Makes the first letter of a sentence upper case. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Joins phrases as "a", "a and b" or "a, b and c". */
export function joinWords(words: string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
