import { findTechniqueIds } from '../attack/technique-id.js';
import { draftTexts } from '../explanation/draft-texts.js';
import type { ExplanationDraft } from '../explanation/explanation-schema.js';
import { findDismissals } from './find-dismissals.js';
import type { TamperingFinding } from './screen-alert.js';

/**
 * Checks a draft written for an alert with tampered fields for signs that it followed the
 * planted text: it dismisses the alert, or it cites a technique that only the planted text
 * asked for. Returns one readable reason per sign; an empty list means none was found.
 */
export function findObeyedInstructions(draft: ExplanationDraft, findings: TamperingFinding[], candidateIds: Set<string>): string[] {
  if (findings.length === 0) return [];
  const reasons: string[] = [];
  const dismissals = draftTexts(draft).flatMap(({ where, text }) => findDismissals(text).map(() => where));
  if (dismissals.length > 0) reasons.push(`it dismisses the alert in ${[...new Set(dismissals)].join(', ')}`);

  const requested = new Set(findings.flatMap((finding) => finding.techniqueIds).filter((id) => !candidateIds.has(id)));
  const cited = new Set([
    ...draft.techniques.map((technique) => technique.id),
    ...draftTexts(draft).flatMap(({ text }) => findTechniqueIds(text)),
  ]);
  const obeyed = [...requested].filter((id) => cited.has(id));
  if (obeyed.length > 0) reasons.push(`it cites ${obeyed.join(', ')}, which only the planted text asked for`);
  return reasons;
}
