import type { Alert } from '../alert/alert-schema.js';

// Words that show an attempt at logging in failed or was a guess.
const failurePattern = /\b(?:fail(?:ed|ure|ures|s)?|invalid user|illegal user|guess(?:es|ing)?|brute[- ]?force|unsuccessful|wrong password|bad password|locked out)\b/i;
// Words that show a login or authentication succeeded.
const successPattern =
  /\b(?:accepted (?:password|publickey|keyboard-interactive)|success(?:ful(?:ly)?)? (?:log ?on|login|authentication|sign[- ]?in)|logged (?:on|in) successfully|session opened|authentication succeeded|successfully logged (?:on|in)|event 4624)\b/i;
const loginPattern = /\b(?:log ?ins?|log ?ons?|passwords?|authenticat\w*|credentials?|accounts?|ssh|rdp|sign[- ]?in)\b/i;

/** Tells whether the alert reports failed or guessed logins and nothing that succeeded. */
export function reportsFailedLoginsOnly(alert: Alert): boolean {
  const text = [alert.description, alert.ruleName, alert.category, alert.details].filter(Boolean).join('\n');
  return failurePattern.test(text) && loginPattern.test(text) && !successPattern.test(text);
}

/**
 * Returns the sentences that bound what the alert shows: how many events the sensor counted,
 * that only failed logins were seen when that is so, and that the record arrived incomplete.
 */
export function describeAlertScope(alert: Alert): string[] {
  const sentences: string[] = [];
  if (alert.eventCount !== undefined && alert.eventCount > 1) {
    sentences.push(`The sensor counted ${alert.eventCount} related events before raising the alert.`);
  }
  if (reportsFailedLoginsOnly(alert)) {
    sentences.push('The alert reports failed or guessed login attempts only; nothing in it shows that a login succeeded.');
  }
  if (alert.truncated) {
    sentences.push('Only part of the alert record arrived, so this explanation covers the part that was received.');
  }
  return sentences;
}
