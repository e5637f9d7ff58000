import type { TechniqueRecord } from '../attack/attack-data.js';
import type { AttackIndex } from '../attack/attack-index.js';
import type { ExplainedTechnique } from '../explanation/explanation-schema.js';
import type { TechniqueCandidate } from '../mapping/technique-mapping.js';
import { chooseAttackQuote } from './choose-attack-quote.js';
import { joinWords } from './compose-context.js';

function definition(technique: TechniqueRecord, firstSentence: string | undefined): string {
  const subject = `According to MITRE ATT&CK, ${technique.id} (${technique.displayName})`;
  if (firstSentence && /^Adversaries may /.test(firstSentence)) {
    return `${subject} is the technique where adversaries ${firstSentence.slice('Adversaries '.length)}`;
  }
  return firstSentence ? `${subject} is described as follows: ${firstSentence}` : `${subject} is an ATT&CK technique.`;
}

/** Keeps the first three items of a quoted list such as `"a", "b", "c", "d" and "e"`. */
function shortenQuotedLists(text: string): string {
  return text.replace(/"[^"]+"(?:, "[^"]+")+ and "[^"]+"/g, (list) => {
    const items = list.match(/"[^"]+"/g) ?? [];
    return items.length <= 3 ? list : `${items.slice(0, 3).join(', ')} and others`;
  });
}

/**
 * Turns the mapper's evidence into one clause list: an item that starts with a verb gets "it"
 * as its subject, and an item already contained in another is dropped.
 */
function evidenceClauses(evidence: string[]): string[] {
  const clauses = evidence
    .map((item) => shortenQuotedLists(item.replace(/\.$/, '')))
    .map((item) => (/^(?:refines|matches|names|shares|is|was)\b/.test(item) ? `it ${item}` : item));
  return clauses.filter((clause, position) => !clauses.some((other, otherPosition) => otherPosition !== position && other.length > clause.length && other.includes(clause)));
}

function reason(candidate: TechniqueCandidate | undefined): string {
  if (!candidate) return '';
  const clauses = evidenceClauses(candidate.evidence).slice(0, 2);
  return clauses.length > 0 ? ` It fits this alert because ${joinWords(clauses)}.` : '';
}

/**
 * Explains one technique from ATT&CK's own text: its definition, its tactics, why it fits the
 * alert, a verbatim quote and its canonical URL.
 */
export function explainTechnique(
  technique: TechniqueRecord,
  candidate: TechniqueCandidate | undefined,
  index: AttackIndex,
  alertText: string,
): ExplainedTechnique {
  const tactics = index.tacticsOf(technique);
  const sentences = index.techniqueSentences(technique.id);
  const tacticNames = tactics.map((tactic) => tactic.name);
  const tacticSentence = tacticNames.length > 0 ? ` ATT&CK lists it under the ${tacticNames.length > 1 ? 'tactics' : 'tactic'} ${joinWords(tacticNames)}.` : '';
  const quote = chooseAttackQuote(index, technique.id, alertText) ?? sentences[0] ?? technique.displayName;
  return {
    id: technique.id,
    name: technique.displayName,
    tactics: tactics.map((tactic) => ({ id: tactic.id, name: tactic.name })),
    explanation: `${definition(technique, sentences[0])}${tacticSentence}${reason(candidate)}`,
    attackQuote: quote,
    url: technique.url,
  };
}
