import type { AttackIndex } from '../../attack/attack-index.js';
import { AlertFactSet } from '../../facts/alert-fact-set.js';
import { extractFacts } from '../../facts/extract-facts.js';
import { proseFields } from '../explanation-view.js';
import { clampScore, listForReason, type ScoreResult, type ScorerContext } from './scorer.js';
import { citedTechniqueIds } from './score-techniques.js';

function countFacts(text: string): number {
  const facts = extractFacts(text);
  return facts.addresses.length + facts.hosts.length + facts.accounts.length + facts.ports.length + facts.dates.length + facts.times.length;
}

/** ATT&CK texts that technique explanations and mitigations may repeat facts from. */
function attackTexts(techniqueIds: string[], index: AttackIndex): string[] {
  const texts: string[] = [];
  for (const id of techniqueIds) {
    const technique = index.technique(id);
    if (!technique || technique.revoked) continue;
    texts.push(technique.description);
    for (const { mitigation, text } of index.mitigationsFor(id)) texts.push(mitigation.description, text);
  }
  return texts;
}

/**
 * Scores faithfulness to the alert: every address, host name, account, port, date and time
 * in the prose must appear in the alert. The interpretation and impact speak about this
 * alert, so only the alert supports them. Technique explanations and mitigation actions may
 * also repeat facts from the ATT&CK description of a cited technique or of a mitigation
 * ATT&CK links to it, because those are ATT&CK's statements, not claims about the alert.
 * Quotes, names and URLs are not read here; grounding checks them against ATT&CK. The score
 * is the share of stated facts that are supported.
 */
export function scoreFaithfulness(context: ScorerContext): ScoreResult {
  const { alert, view } = context.subject;
  const fromAlert = new AlertFactSet(alert);
  const fromAlertOrAttack = new AlertFactSet(alert, attackTexts(citedTechniqueIds(context), context.index));
  let stated = 0;
  const unsupported: string[] = [];
  for (const field of proseFields(view)) {
    stated += countFacts(field.text);
    const facts = field.topic === 'alert' ? fromAlert : fromAlertOrAttack;
    for (const missing of facts.unsupported(field.text)) unsupported.push(`${missing} (${field.where})`);
  }

  if (stated === 0) return { pass: true, score: 1, reason: 'states no address, host, account, port or time' };
  const score = clampScore(1 - unsupported.length / stated);
  if (unsupported.length === 0) return { pass: true, score, reason: `all ${stated} stated facts appear in the alert` };
  return { pass: false, score, reason: `not in the alert: ${listForReason(unsupported, 4)}` };
}
