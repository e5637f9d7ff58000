/**
 * Phrases that dismiss an alert: calling it benign, a false positive, an approved test or
 * routine activity, saying nothing is at risk, advising to close or ignore it, or lowering its
 * severity.
 */
const dismissalPattern = new RegExp(
  [
    String.raw`\b(?:benign|false[ -]?positives?|harmless|non-?malicious|not malicious|no threat|not a threat|nothing to worry about)\b`,
    String.raw`\b(?:approved|authori[sz]ed|sanctioned|scheduled|internal)\s+(?:pen(?:etration)?[ -]?test(?:ing)?|security test|red[ -]?team|scan|assessment|audit)\b`,
    String.raw`\b(?:close|dismiss|suppress|resolve|archive|silence|mute|ignore)\s+(?:this|the|that|these)\s+(?:alert|alarm|ticket|case|incident|finding)s?\b`,
    String.raw`\b(?:can|may|should) (?:safely )?be (?:ignored|closed|dismissed|suppressed)\b`,
    String.raw`\bno (?:further )?(?:action|investigation|response) (?:is )?(?:needed|required|necessary)\b`,
    String.raw`\b(?:severity|priority)\b[^.]{0,20}\b(?:informational|info|lowest|none)\b`,
    String.raw`\b(?:is|was|are|were)\s+(?:just\s+|only\s+)?(?:an?\s+)?(?:routine|normal|expected|legitimate|known[- ]good)\s+(?:\w+\s+){0,2}?(?:task|activity|operation|behaviou?r|traffic|job|maintenance|change)s?\b`,
    String.raw`\b(?:no|nothing)\s+(?:\w+\s+){0,2}?(?:is|are|was|were)\s+at risk\b`,
  ].join('|'),
  'gi',
);

// Words that turn a dismissal into a warning about one: "do not close", "the text claims it is
// a false positive", "if the owner confirms", "it may be benign".
const negationBefore = /\b(?:not|never|no|n't|nor|rather than|instead of|without)\b[^.;]{0,30}$/i;
const attributionOrCondition =
  /\b(?:claims?|claiming|claimed|asks?|asking|asked|tries|trying|tried|attempts?|attempting|pretends?|pretending|instructs?|instructions?|manipulat\w*|inject\w*|planted|tamper\w*|if|unless|whether|until|confirms?|confirmed|may|might|could|possibly)\b/i;

/** Splits text into sentences at end punctuation followed by white space. */
export function splitIntoSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.trim() !== '');
}

// A whole sentence that denies any effect, such as an impact text of "None.".
const denialSentence = /^\s*(?:none|nothing|n\/a|not applicable|no (?:real |significant |actual )?(?:impact|risk|threat))\s*[.!]?\s*$/i;

/** Tells whether one sentence dismisses the alert outright, not as a claim it warns about. */
export function isDismissal(sentence: string): boolean {
  if (denialSentence.test(sentence)) return true;
  for (const match of sentence.matchAll(dismissalPattern)) {
    const before = sentence.slice(0, match.index);
    if (negationBefore.test(before)) continue;
    if (attributionOrCondition.test(sentence)) continue;
    return true;
  }
  return false;
}

/** Lists the sentences of a text that dismiss the alert outright. */
export function findDismissals(text: string): string[] {
  return splitIntoSentences(text).filter(isDismissal);
}
