import type { Explanation } from '../explanation/explanation-schema.js';
import type { AlertFactSet } from '../facts/alert-fact-set.js';
import { escapeRegExp } from '../util/escape-reg-exp.js';
import { tokenClose, tokenPattern } from './tokenize-alert.js';

/**
 * An explanation drafted once from a template alert, with its per-event values as tokens,
 * ready to be filled in for every alert that shares the template key.
 */
export interface ExplanationTemplate {
  explanation: Explanation;
  /** Text of the template with the tokens taken out: facts in it were grounded already. */
  literalText: string;
}

type TextMapper = (text: string, where: string) => string;

/**
 * Applies a function to every text of an explanation that can repeat alert values: the
 * interpretation, technique explanations, impact, mitigation actions, notes and grounding
 * lines. ATT&CK names, quotes, URLs and IDs are left alone because they never hold alert values.
 */
function mapAlertTexts(explanation: Explanation, map: TextMapper): Explanation {
  const { interpretation, impact, mitigations, metadata } = explanation;
  const mapItems = (items: Explanation['mitigations']['immediate'], where: string) =>
    items.map((item) => ({ ...item, action: map(item.action, where) })).filter((item) => item.action !== '');
  const result: Explanation = {
    interpretation: { summary: map(interpretation.summary, 'the interpretation') },
    techniques: explanation.techniques.map((technique) => ({ ...technique, explanation: map(technique.explanation, `the explanation of ${technique.id}`) })),
    impact: {
      dataBreach: map(impact.dataBreach, 'the data breach impact'),
      serviceDisruption: map(impact.serviceDisruption, 'the service disruption impact'),
      financial: map(impact.financial, 'the financial impact'),
      reputational: map(impact.reputational, 'the reputational impact'),
    },
    mitigations: {
      immediate: mapItems(mitigations.immediate, 'the immediate actions'),
      longTerm: mapItems(mitigations.longTerm, 'the long-term actions'),
      bestPractices: mapItems(mitigations.bestPractices, 'the best practices'),
    },
    metadata: { ...metadata },
  };
  if (interpretation.details !== undefined) {
    const details = map(interpretation.details, 'the interpretation details');
    if (details !== '') result.interpretation.details = details;
  }
  if (metadata.notes) result.metadata.notes = metadata.notes.map((note) => map(note, 'the notes'));
  if (metadata.grounding) result.metadata.grounding = metadata.grounding.map((line) => map(line, 'the grounding notes'));
  return result;
}

/**
 * Turns the explanation of a template alert into a reusable template. The template alert
 * kept its UTC timestamp and endpoint addresses readable, so the timestamp, its date, its
 * time of day and the addresses are replaced by their tokens here, longest first.
 */
export function makeExplanationTemplate(explanation: Explanation, readableTokens: { value: string; token: string }[]): ExplanationTemplate {
  const ordered = [...readableTokens].sort((a, b) => b.value.length - a.value.length);
  const pattern = ordered.length > 0 ? new RegExp(`(?<![\\w:.-])(?:${ordered.map((entry) => escapeRegExp(entry.value)).join('|')})(?![\\w:]|\\.\\d)`, 'g') : undefined;
  const tokenOf = new Map(ordered.map((entry) => [entry.value, entry.token]));
  const tokenized = pattern ? mapAlertTexts(explanation, (text) => text.replace(pattern, (value) => tokenOf.get(value)!)) : explanation;
  const texts: string[] = [];
  forEachAlertText(tokenized, (text) => texts.push(text.replace(tokenPattern, ' ')));
  return { explanation: tokenized, literalText: texts.join('\n') };
}

/** Calls a function with every text of an explanation that can repeat alert values. */
export function forEachAlertText(explanation: Explanation, visit: (text: string) => void): void {
  mapAlertTexts(explanation, (text) => {
    visit(text);
    return text;
  });
}

/**
 * Drops every sentence that states an address, host, account, port, date or time that the
 * fact set lacks, and records each removal in the grounding notes.
 */
export function dropUnsupportedSentences(explanation: Explanation, facts: AlertFactSet): Explanation {
  const corrections: string[] = [];
  const checked = mapAlertTexts(explanation, (text, where) => {
    const kept = text.split(/(?<=[.!?])\s+/).filter((sentence) => {
      const missing = facts.unsupported(sentence);
      if (missing.length > 0) corrections.push(`removed a sentence in ${where} stating ${missing.join(', ')}, which the alert does not contain`);
      return missing.length === 0;
    });
    return kept.join(' ').trim();
  });
  checked.metadata.grounding = [...(checked.metadata.grounding ?? []), ...corrections];
  return checked;
}

/** Tells whether every required text is non-empty and every mitigation list has an item. */
export function isComplete(explanation: Explanation): boolean {
  const { interpretation, techniques, impact, mitigations } = explanation;
  const texts = [interpretation.summary, ...techniques.map((technique) => technique.explanation), ...Object.values(impact)];
  const lists = [mitigations.immediate, mitigations.longTerm, mitigations.bestPractices];
  return texts.every((text) => text.trim() !== '' && !text.includes(tokenClose)) && lists.every((list) => list.length > 0);
}
