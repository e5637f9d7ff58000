import { capitalize, joinWords } from '../compose/compose-context.js';
import type { TamperingFinding } from './screen-alert.js';

function fieldList(findings: TamperingFinding[]): string {
  return joinWords([...new Set(findings.map((finding) => finding.fieldName))]);
}

/**
 * Writes the warning that an alert field tries to manipulate automated triage. The warning
 * names the fields, never repeats their text, and states that the text was not followed.
 */
export function describeTampering(findings: TamperingFinding[]): string {
  const fields = fieldList(findings);
  const verb = new Set(findings.map((finding) => finding.fieldName)).size > 1 ? 'contain' : 'contains';
  return (
    `The alert's ${fields} ${verb} text trying to manipulate automated triage: it is written to give orders to the tools that read alerts. ` +
    'That is a sign of tampering by whoever sent it, so the text was left out of this explanation and its instructions were not followed.'
  );
}

/** Writes the immediate action for fields that contain instruction-like text. */
export function tamperingAction(findings: TamperingFinding[]): string {
  return `${capitalize(`treat the text in the alert's ${fieldList(findings)} as written by the attacker`)}: keep it as evidence and search the logs for other requests or events that carry the same text.`;
}

/** Tells whether a text already warns about manipulated alert fields. */
export function mentionsTampering(text: string): boolean {
  return /\b(?:tamper\w*|manipulat\w*|prompt injection|injected instructions?|instructions? (?:to|for) (?:the )?(?:ai|automated|tools?))\b/i.test(text);
}
