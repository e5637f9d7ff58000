import { splitSentences } from '../../attack/clean-attack-text.js';
import type { AttackIndex } from '../../attack/attack-index.js';
import { findTechniqueIds, normalizeTechniqueId } from '../../attack/technique-id.js';
import { removeQuotedText } from '../text/remove-quoted-text.js';
import { mitigationKinds, proseFields, type MitigationView, type TechniqueView } from '../explanation-view.js';
import { clampScore, type ScoreResult, type ScorerContext } from './scorer.js';

function sameUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

/** Collects readable problems; every call to `check` is one check of the score. */
class Checklist {
  total = 0;
  readonly problems: string[] = [];

  check(ok: boolean, problem: string): boolean {
    this.total += 1;
    if (!ok) this.problems.push(problem);
    return ok;
  }
}

function checkTechnique(item: TechniqueView, index: AttackIndex, checks: Checklist): string | undefined {
  const id = normalizeTechniqueId(item.id) ?? item.id;
  const resolution = index.resolveTechnique(id);
  const technique = resolution.technique;
  if (!checks.check(resolution.status === 'active' && technique !== undefined, `${id || '(empty ID)'} is ${resolution.status} in ${index.release.label}`)) return undefined;
  checks.check(item.name === technique!.displayName, `${id} is named "${item.name}", ATT&CK names it "${technique!.displayName}"`);
  checks.check(sameUrl(item.url, technique!.url), `${id} links to ${item.url || '(no URL)'} instead of ${technique!.url}`);
  const tactics = new Map(index.tacticsOf(technique!).map((tactic) => [tactic.id, tactic.name]));
  for (const tactic of item.tactics) {
    checks.check(tactics.get(tactic.id) === tactic.name, `${id} lists tactic ${tactic.id} "${tactic.name}", which ATT&CK does not give it`);
  }
  checks.check(index.isVerbatimQuote(technique!.id, item.attackQuote), `the quote for ${id} is not in its ATT&CK text: "${item.attackQuote.slice(0, 80)}"`);
  return technique!.id;
}

function checkMitigation(item: MitigationView, cited: string[], index: AttackIndex, checks: Checklist): void {
  const reference = item.mitigation;
  if (!reference) return;
  const mitigation = index.mitigation(reference.id);
  const usable = mitigation !== undefined && !mitigation.deprecated && !mitigation.revoked;
  if (!checks.check(usable, `mitigation ${reference.id || '(empty ID)'} is ${mitigation ? 'deprecated or revoked' : 'unknown'} in ${index.release.label}`)) return;
  checks.check(reference.name === mitigation!.name, `${reference.id} is named "${reference.name}", ATT&CK names it "${mitigation!.name}"`);
  checks.check(sameUrl(reference.url, mitigation!.url), `${reference.id} links to ${reference.url || '(no URL)'} instead of ${mitigation!.url}`);
  const linked = cited.some((id) => index.isMitigationLinked(mitigation!.id, id));
  checks.check(linked, `${reference.id} is not linked by ATT&CK to any cited technique`);
}

// A sentence that states an ID was revoked or deprecated reports a fact about the release.
const statusNote = /\b(?:revoked|deprecated|replaced)\b/i;

function checkProseIds(context: ScorerContext, checks: Checklist): void {
  const { index } = context;
  const tacticIds = new Set(index.domains.flatMap((domain) => domain.tactics.map((tactic) => tactic.id)));
  for (const field of proseFields(context.subject.view)) {
    for (const sentence of splitSentences(removeQuotedText(field.text))) {
      for (const id of findTechniqueIds(sentence)) {
        const status = index.resolveTechnique(id).status;
        const ok = status === 'active' || ((status === 'revoked' || status === 'deprecated') && statusNote.test(sentence));
        checks.check(ok, `${field.where} mentions ${id}, which is ${status} in ${index.release.label}`);
      }
      for (const [id] of sentence.matchAll(/\bM\d{4}\b/g)) {
        const mitigation = index.mitigation(id);
        checks.check(mitigation !== undefined && !mitigation.deprecated && !mitigation.revoked, `${field.where} mentions mitigation ${id}, which is not usable in ${index.release.label}`);
      }
      for (const [id] of sentence.matchAll(/\bTA\d{4}\b/g)) {
        checks.check(tacticIds.has(id), `${field.where} mentions tactic ${id}, which ${index.release.label} does not have`);
      }
    }
  }
}

/**
 * Scores ATT&CK grounding: each cited technique must be active in the loaded release, with
 * its canonical name, URL and tactics and a quote found verbatim in its ATT&CK description;
 * each mitigation must be active, canonically named and linked, and linked by ATT&CK to a
 * cited technique; every technique, mitigation and tactic ID in the prose must exist and be
 * active, except in a sentence that states the ID was revoked, deprecated or replaced, or in
 * quoted text (see removeQuotedText). The score is the share of checks that pass; a pass
 * needs all of them.
 */
export function scoreGrounding(context: ScorerContext): ScoreResult {
  const { view } = context.subject;
  const checks = new Checklist();
  const cited = view.techniques
    .map((item) => checkTechnique(item, context.index, checks))
    .filter((id): id is string => id !== undefined);
  for (const kind of mitigationKinds) {
    for (const item of view.mitigations[kind]) checkMitigation(item, cited, context.index, checks);
  }
  checkProseIds(context, checks);

  if (checks.total === 0) return { pass: true, score: 1, reason: 'no ATT&CK reference to check' };
  const score = clampScore((checks.total - checks.problems.length) / checks.total);
  if (checks.problems.length === 0) return { pass: true, score, reason: `all ${checks.total} ATT&CK checks pass` };
  const shown = checks.problems.slice(0, 3).join('; ');
  const more = checks.problems.length > 3 ? `; and ${checks.problems.length - 3} more` : '';
  return { pass: false, score, reason: `${checks.problems.length} of ${checks.total} checks fail: ${shown}${more}` };
}
