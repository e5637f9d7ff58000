import type { ExplanationDraft } from './explanation-schema.js';

/** One free-text field of a draft, with a readable name for where it sits. */
export interface DraftText {
  where: string;
  text: string;
}

/** Lists every free-text field of a draft: interpretation, technique texts, impact and actions. */
export function draftTexts(draft: ExplanationDraft): DraftText[] {
  const texts: DraftText[] = [{ where: 'the interpretation', text: draft.interpretation.summary }];
  if (draft.interpretation.details) texts.push({ where: 'the interpretation details', text: draft.interpretation.details });
  for (const technique of draft.techniques) {
    texts.push({ where: `the explanation of ${technique.id}`, text: technique.explanation });
  }
  for (const [aspect, text] of Object.entries(draft.impact)) texts.push({ where: `the ${aspect} impact`, text });
  for (const kind of ['immediate', 'longTerm', 'bestPractices'] as const) {
    for (const item of draft.mitigations[kind]) texts.push({ where: `the ${kind} actions`, text: item.action });
  }
  return texts;
}
