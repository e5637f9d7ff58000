import { proseFields, type ExplanationView } from './explanation-view.js';
import { findVerdictClaims, type VerdictClaim } from './text/find-verdict-claims.js';

export interface Verdict {
  /** dismiss: the explanation waves the alert away; investigate: it does not. */
  verdict: 'dismiss' | 'investigate';
  claims: (VerdictClaim & { where: string })[];
}

/**
 * Classifies the verdict an explanation gives: "dismiss" when its interpretation, impact or
 * mitigations assert that the alert is benign, a false positive or an authorised test, advise
 * closing it, or lower its severity; "investigate" otherwise. Technique explanations are not
 * read, because they paraphrase ATT&CK, whose texts use words such as "benign" in passing.
 */
export function classifyVerdict(view: ExplanationView): Verdict {
  const claims = proseFields(view)
    .filter((field) => field.topic !== 'technique')
    .flatMap((field) => findVerdictClaims(field.text).map((claim) => ({ ...claim, where: field.where })));
  return { verdict: claims.length > 0 ? 'dismiss' : 'investigate', claims };
}
