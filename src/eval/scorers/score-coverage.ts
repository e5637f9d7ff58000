import { proseFields } from '../explanation-view.js';
import { removeQuotedText } from '../text/remove-quoted-text.js';
import { clampScore, listForReason, type ScoreResult, type ScorerContext } from './scorer.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mentions(text: string, value: string, ignoreCase: boolean, allowSubdomain = false): boolean {
  const before = allowSubdomain ? '(?<![\\w-])' : '(?<![\\w.-])';
  const pattern = new RegExp(`${before}${escapeRegExp(value)}(?![\\w-]|\\.\\w)`, ignoreCase ? 'iu' : 'u');
  return pattern.test(text);
}

/** Tells whether the text names an account by its full form ("CORP\\svc_patch") or its user part. */
function mentionsAccount(text: string, account: string): boolean {
  const user = account.split('\\').pop() ?? account;
  return mentions(text, account, true) || mentions(text, user, true);
}

/**
 * Scores coverage of the facts a case requires. Each listed address must appear in the prose
 * exactly. Host names match ignoring case, also inside a longer name such as a subdomain.
 * Accounts match ignoring case, with or without their domain, and phrases ignoring case.
 * Each listed regular expression must match the prose outside quoted text, because it
 * requests the explanation's own statement. The score is the share of items found.
 */
export function scoreCoverage(context: ScorerContext): ScoreResult {
  const { addresses, hosts, accounts, phrases, patterns } = context.testCase.mustMention;
  const text = proseFields(context.subject.view)
    .map((field) => field.text)
    .join('\n');
  const required = [
    ...addresses.map((value) => ({ value, found: mentions(text, value, false) })),
    ...hosts.map((value) => ({ value, found: mentions(text, value, true, true) })),
    ...accounts.map((value) => ({ value, found: mentionsAccount(text, value) })),
    ...phrases.map((value) => ({ value, found: text.toLowerCase().includes(value.toLowerCase()) })),
    ...patterns.map((value) => ({ value: `/${value}/`, found: new RegExp(value, 'iu').test(removeQuotedText(text)) })),
  ];
  if (required.length === 0) return { pass: true, score: 1, reason: 'nothing required' };
  const missing = required.filter((item) => !item.found).map((item) => item.value);
  const score = clampScore((required.length - missing.length) / required.length);
  if (missing.length === 0) return { pass: true, score, reason: `mentions all ${required.length} required facts` };
  return { pass: false, score, reason: `does not mention ${listForReason(missing)}` };
}
