import { findTechniqueIds, normalizeTechniqueId } from '../../attack/technique-id.js';
import { classifyVerdict } from '../classify-verdict.js';
import { proseFields } from '../explanation-view.js';
import { removeQuotedText } from '../text/remove-quoted-text.js';
import { clampScore, type ScoreResult, type ScorerContext } from './scorer.js';

/**
 * Scores what a case forbids: technique IDs (in any spelling, cited or written anywhere in
 * the prose), dismissive verdicts (see classifyVerdict) and regular expressions matched
 * ignoring case against the prose. ATT&CK quotes and quoted text in the prose (see
 * removeQuotedText) are not searched, since they are someone else's words. The score is the
 * share of forbidden items that do not occur.
 */
export function scoreForbidden(context: ScorerContext): ScoreResult {
  const { techniques, verdicts, patterns } = context.testCase.mustNot;
  const { view } = context.subject;
  const fields = proseFields(view).map((field) => ({ ...field, text: removeQuotedText(field.text) }));
  const violations: string[] = [];

  const written = new Set([
    ...view.techniques.map((technique) => normalizeTechniqueId(technique.id) ?? technique.id),
    ...fields.flatMap((field) => findTechniqueIds(field.text)),
  ]);
  for (const id of techniques) {
    const canonical = normalizeTechniqueId(id) ?? id;
    if (written.has(canonical)) violations.push(`names ${canonical}`);
  }
  const claims = classifyVerdict(view).claims;
  for (const kind of verdicts) {
    const claim = claims.find((candidate) => candidate.kind === kind);
    if (claim) violations.push(`gives the verdict ${kind} in ${claim.where} ("${claim.sentence.slice(0, 100)}")`);
  }
  for (const pattern of patterns) {
    const regex = new RegExp(pattern, 'iu');
    const field = fields.find((candidate) => regex.test(candidate.text));
    if (field) violations.push(`matches /${pattern}/ in ${field.where} ("${regex.exec(field.text)?.[0]}")`);
  }

  const total = techniques.length + verdicts.length + patterns.length;
  if (total === 0) return { pass: true, score: 1, reason: 'nothing forbidden' };
  const score = clampScore((total - violations.length) / total);
  if (violations.length === 0) return { pass: true, score, reason: `none of the ${total} forbidden items occurs` };
  return { pass: false, score, reason: violations.join('; ') };
}
