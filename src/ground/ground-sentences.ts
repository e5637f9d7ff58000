import type { AttackIndex } from '../attack/attack-index.js';
import { impactNames } from '../explanation/draft-texts.js';
import type { ExplanationDraft, MitigationItem } from '../explanation/explanation-schema.js';
import type { AlertFactSet } from '../facts/alert-fact-set.js';
import { isDismissal } from '../injection/find-dismissals.js';
import { placeholderPattern } from '../privacy/placeholder-pattern.js';
import { rewriteTechniqueNames, unsupportedReferences, withoutUrls, type ReferenceScope } from './check-references.js';

export interface SentenceGroundingOptions {
  facts: AlertFactSet;
  scope: ReferenceScope;
  index: AttackIndex;
  fallback: () => ExplanationDraft;
  corrections: string[];
}

/** Returns why a sentence must go, or undefined when every claim in it is supported. */
function sentenceProblem(sentence: string, { facts, scope }: SentenceGroundingOptions): string | undefined {
  const references = unsupportedReferences(sentence, scope);
  if (references.length > 0) return `citing ${references.join(', ')}, which neither the cited ATT&CK entries nor the alert support`;
  // Every URL left is an ATT&CK or alert URL, so its host name is no claim about the alert.
  const missing = facts.unsupported(withoutUrls(sentence));
  if (missing.length > 0) return `stating ${missing.join(', ')}, which the alert does not contain`;
  const placeholders = sentence.match(placeholderPattern);
  if (placeholders) return `containing the placeholder ${placeholders.join(', ')}, which stands for no value of the alert`;
  if (isDismissal(sentence)) return 'dismissing the alert, which neither the alert nor ATT&CK can show';
  return undefined;
}

function keepSupportedSentences(text: string, where: string, options: SentenceGroundingOptions): string {
  const renamed = rewriteTechniqueNames(text, options.index);
  for (const id of renamed.rewritten) options.corrections.push(`rewrote the name of ${id} in ${where} from ATT&CK`);
  let kept = '';
  for (const { sentence, separator } of sentencesWithSeparators(renamed.text)) {
    const problem = sentenceProblem(sentence, options);
    if (problem) options.corrections.push(`removed a sentence in ${where} ${problem}`);
    else kept += sentence + separator;
  }
  return kept.trim();
}

/**
 * Splits text after sentence ends and at line breaks, keeping each separator, so that the
 * sentences kept can be joined with the spacing and line breaks they had.
 */
function sentencesWithSeparators(text: string): { sentence: string; separator: string }[] {
  const parts = text.split(/((?<=[.!?])[ \t]+|[ \t]*\r?\n\s*)/);
  const sentences: { sentence: string; separator: string }[] = [];
  for (let position = 0; position < parts.length; position += 2) {
    const sentence = parts[position] ?? '';
    if (sentence.trim() !== '') sentences.push({ sentence, separator: parts[position + 1] ?? '' });
  }
  return sentences;
}

/**
 * Removes the sentences of a draft's free text that make an unsupported claim. Such a sentence
 * states an address, host, account, port or time missing from the alert, or cites an ID, URL
 * or quotation that neither the cited ATT&CK entries nor the alert support. It may also keep a
 * redaction placeholder or dismiss the alert. A section left empty is refilled from the
 * offline composition, and every removal is recorded.
 */
export function groundSentences(draft: ExplanationDraft, options: SentenceGroundingOptions): ExplanationDraft {
  const { fallback } = options;
  const check = (text: string, where: string, replacement: () => string) => keepSupportedSentences(text, where, options) || replacement();
  const checkItems = (items: MitigationItem[], where: string) =>
    items
      .map((item) => ({ ...item, action: keepSupportedSentences(item.action, where, options) }))
      .filter((item) => item.action !== '');

  const interpretation: ExplanationDraft['interpretation'] = {
    summary: check(draft.interpretation.summary, 'the interpretation', () => fallback().interpretation.summary),
  };
  if (draft.interpretation.details) {
    const details = keepSupportedSentences(draft.interpretation.details, 'the interpretation details', options);
    if (details) interpretation.details = details;
  }
  const impact = Object.fromEntries(
    Object.entries(draft.impact).map(([aspect, text]) => [
      aspect,
      check(text, `the ${impactNames[aspect as keyof typeof impactNames]}`, () => fallback().impact[aspect as keyof ExplanationDraft['impact']]),
    ]),
  ) as ExplanationDraft['impact'];
  return {
    interpretation,
    techniques: draft.techniques.map((technique) => ({
      ...technique,
      explanation: check(technique.explanation, `the explanation of ${technique.id}`, () => `${technique.id} is ${technique.name} in MITRE ATT&CK.`),
    })),
    impact,
    mitigations: {
      immediate: checkItems(draft.mitigations.immediate, 'the immediate actions'),
      longTerm: checkItems(draft.mitigations.longTerm, 'the long-term solutions'),
      bestPractices: checkItems(draft.mitigations.bestPractices, 'the best practices'),
    },
  };
}
