import type { ExplanationDraft } from './explanation-schema.js';

/** Readable names of the impact aspects, for messages. */
export const impactNames = {
  dataBreach: 'data breach impact',
  serviceDisruption: 'service disruption impact',
  financial: 'financial impact',
  reputational: 'reputational impact',
} as const;

/** Readable names of the mitigation lists, for messages. */
export const mitigationNames = {
  immediate: 'immediate actions',
  longTerm: 'long-term solutions',
  bestPractices: 'best practices',
} as const;

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
  for (const [aspect, text] of Object.entries(draft.impact)) texts.push({ where: `the ${impactNames[aspect as keyof typeof impactNames]}`, text });
  for (const kind of ['immediate', 'longTerm', 'bestPractices'] as const) {
    for (const item of draft.mitigations[kind]) texts.push({ where: `the ${mitigationNames[kind]}`, text: item.action });
  }
  return texts;
}
