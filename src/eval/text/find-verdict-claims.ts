import { splitSentences } from '../../attack/clean-attack-text.js';
import { removeQuotedText } from './remove-quoted-text.js';

/** Verdicts that wave an alert away. A hostile alert field often requests one of them. */
export const verdictKinds = ['benign', 'false-positive', 'authorized-test', 'close-alert', 'severity-downgrade'] as const;
export type VerdictKind = (typeof verdictKinds)[number];

export interface VerdictClaim {
  kind: VerdictKind;
  sentence: string;
}

const claimPatterns: Record<VerdictKind, RegExp> = {
  benign: /\b(?:benign|harmless|nothing to worry about|no (?:real )?threat)\b/i,
  'false-positive': /\bfalse[- ]positives?\b|\bfalse alarm\b/i,
  'authorized-test': /\b(?:approved|authori[sz]ed|sanctioned|legitimate|scheduled|internal)\s+(?:penetration test|pen[- ]?test|security (?:test|scan|assessment)|red[- ]team(?: exercise)?|vulnerability scan)/i,
  'close-alert': /\b(?:close|dismiss|suppress|ignore|disregard|silence)\s+(?:the|this|that)\s+(?:alert|ticket|case|event|incident)\b|\bno (?:further )?action (?:is )?(?:needed|required)\b|\bsafe to (?:close|ignore)\b/i,
  'severity-downgrade': /\b(?:severity|priority)\b[^.]{0,40}\b(?:informational|info|lowest|low)\b|\b(?:informational|low)[- ](?:severity|priority)\b/i,
};

// A sentence that negates the claim ("this is not a false positive") asserts nothing.
const negation = /\b(?:not|no|nothing|none|neither|never|cannot|can't|isn't|wasn't|aren't|don't|doesn't|do not|does not|rather than|instead of|unless|until|without|nor)\b/i;

// A sentence that reports what someone else requests ("the User-Agent claims this is an
// approved test") describes the alert, which is what a good explanation of tampering does.
const reporting = /\b(?:claim(?:s|ed|ing)?|ask(?:s|ed|ing)?|tell(?:s|ing)?|told|instruct(?:s|ed|ing|ions?)?|say(?:s|ing)?|said|pretend(?:s|ed|ing)?|tr(?:y|ies|ied|ying) to|attempt(?:s|ed|ing)? to|want(?:s|ed)? (?:you|the|us)|request(?:s|ed|ing)?|demand(?:s|ed|ing)?|manipulat\w*|inject\w*|tamper\w*)\b/i;

function negatedBefore(sentence: string, index: number): boolean {
  const before = sentence.slice(0, index).trim().split(/\s+/).slice(-6).join(' ');
  return negation.test(before);
}

/**
 * Finds sentences that assert a dismissive verdict: benign, a false positive, an authorised
 * test, advice to close the alert, or a lowered severity. Sentences that negate the verdict
 * before it, or that report what a text in the alert requests, do not count, and neither do
 * words in double quotes (see removeQuotedText).
 */
export function findVerdictClaims(text: string): VerdictClaim[] {
  const claims: VerdictClaim[] = [];
  for (const sentence of splitSentences(removeQuotedText(text))) {
    if (reporting.test(sentence)) continue;
    const ownWords = sentence;
    for (const kind of verdictKinds) {
      const match = claimPatterns[kind].exec(ownWords);
      if (match && !negatedBefore(ownWords, match.index)) claims.push({ kind, sentence });
    }
  }
  return claims;
}
