import type { AttackIndex } from '../../src/attack/attack-index.js';
import type { Explanation } from '../../src/explanation/explanation-schema.js';
import { extractFacts } from '../../src/facts/extract-facts.js';

/** Joins the alert-specific text of an explanation: everything but ATT&CK's own words. */
export function alertSpecificText(explanation: Explanation): string {
  return [
    explanation.interpretation.summary,
    explanation.interpretation.details ?? '',
    ...Object.values(explanation.impact),
    ...explanation.mitigations.immediate.map((item) => item.action),
    ...explanation.mitigations.bestPractices.map((item) => item.action),
  ].join('\n');
}

/** Serialises an explanation's four sections, without metadata and ATT&CK page URLs. */
export function explanationText(explanation: Explanation): string {
  const { metadata: _metadata, ...sections } = explanation;
  return JSON.stringify(sections, (key, value: unknown) => (key === 'url' ? undefined : value));
}

function attackText(explanation: Explanation, index: AttackIndex): string {
  const texts: string[] = [];
  for (const technique of explanation.techniques) {
    texts.push(index.technique(technique.id)?.description ?? '');
    for (const { mitigation, text } of index.mitigationsFor(technique.id)) texts.push(mitigation.description, text);
  }
  return texts.join('\n').toLowerCase();
}

/**
 * Lists the addresses, host names and accounts that an explanation states but the input does
 * not contain. Technique sections and ATT&CK mitigations may also use ATT&CK's own text.
 */
export function unsupportedFacts(explanation: Explanation, inputText: string, index: AttackIndex): string[] {
  // JSON input writes CORP\\user with an escaped backslash; accept both spellings.
  const input = `${inputText}\n${inputText.replace(/\\\\/g, '\\')}`.toLowerCase();
  const attack = attackText(explanation, index);
  const check = (text: string, allowed: string) => {
    const facts = extractFacts(text);
    return [...facts.addresses, ...facts.hosts, ...facts.accounts].filter((fact) => !allowed.includes(fact.toLowerCase()));
  };
  const fromAttack = [
    ...explanation.techniques.flatMap((technique) => [technique.explanation, technique.attackQuote]),
    ...explanation.mitigations.longTerm.map((item) => item.action),
  ].join('\n');
  return [...check(alertSpecificText(explanation), input), ...check(fromAttack, `${input}\n${attack}`)];
}
