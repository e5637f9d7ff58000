import type { Alert } from '../alert/alert-schema.js';

/** Alert values that composed sentences may repeat, with neutral wording where one is missing. */
export interface ComposeContext {
  alert: Alert;
  /** Source host or address as the alert names it, if any. */
  source?: string;
  /** Destination host or address as the alert names it, if any. */
  target?: string;
  account?: string;
  /** Host names in the alert text that are not already the source or the target. */
  otherHosts: string[];
  /** "on 2024-07-01 at 19:20:15 UTC", when the alert has a readable time. */
  when?: string;
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

/** Collects what composed sentences may say about the alert's endpoints, accounts and time. */
export function createComposeContext(alert: Alert): ComposeContext {
  const source = endpointLabel(alert.source);
  const target = endpointLabel(alert.destination);
  const named = [source, target].filter(Boolean).join(' ').toLowerCase();
  const context: ComposeContext = {
    alert,
    otherHosts: alert.hosts.filter((host) => !named.includes(host.toLowerCase())),
  };
  if (source) context.source = source;
  if (target) context.target = target;
  const account = alert.source.user ?? alert.destination.user ?? alert.users[0];
  if (account) context.account = account;
  const when = describeTime(alert);
  if (when) context.when = when;
  return context;
}

const neutral = {
  source: 'the source system',
  target: 'the targeted system',
  account: 'the account involved',
};

/** Replaces `{source}`, `{target}` and `{account}` with alert values or neutral words. */
export function fillPlaceholders(template: string, context: ComposeContext): string {
  return template
    .replace(/\{source\}/g, context.source ?? neutral.source)
    .replace(/\{target\}/g, context.target ?? neutral.target)
    .replace(/\{account\}/g, context.account ?? neutral.account);
}

/** Tells whether a template needs a value that the alert lacks. */
export function needsMissingValue(template: string, context: ComposeContext): boolean {
  return (
    (template.includes('{source}') && !context.source) ||
    (template.includes('{target}') && !context.target) ||
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
