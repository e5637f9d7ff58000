import { normalizeTechniqueId, parentTechniqueId } from '../../attack/technique-id.js';
import { clampScore, listForReason, type ScoreResult, type ScorerContext } from './scorer.js';

/** Minimum hierarchical precision for a pass, so that a right ID buried in noise fails. */
export const minTechniquePrecision = 0.5;

/** Closes a set of technique IDs under their parents: T1053.002 adds T1053. */
export function closeUnderParents(ids: Iterable<string>): Set<string> {
  const closed = new Set<string>();
  for (const id of ids) {
    closed.add(id);
    closed.add(parentTechniqueId(id));
  }
  return closed;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let count = 0;
  for (const item of a) if (b.has(item)) count += 1;
  return count;
}

/** Picks the any-of alternative that shares the most of its closure with the prediction. */
function bestAlternative(anyOf: string[], predicted: Set<string>): string | undefined {
  let best: string | undefined;
  let bestShare = -1;
  for (const id of anyOf) {
    const closure = closeUnderParents([id]);
    const share = overlap(closure, predicted) / closure.size;
    if (share > bestShare) {
      best = id;
      bestShare = share;
    }
  }
  return best;
}

/** Returns the cited technique IDs in canonical form, each once. */
export function citedTechniqueIds(context: ScorerContext): string[] {
  const ids = context.subject.view.techniques.map((technique) => normalizeTechniqueId(technique.id) ?? technique.id);
  return [...new Set(ids.filter((id) => id !== ''))];
}

function missingRequirements(cited: Set<string>, anyOf: string[], allOf: string[]): string[] {
  const missing = allOf.filter((id) => !cited.has(id));
  if (anyOf.length > 0 && !anyOf.some((id) => cited.has(id))) missing.push(`one of ${anyOf.join(', ')}`);
  return missing;
}

/**
 * Scores the cited techniques with hierarchical precision and recall: cited and expected sets
 * are closed under their parents, so citing T1053 for an expected T1053.002 earns half of the
 * recall. The expected set is every all-of ID plus the any-of alternative closest to what was
 * cited; acceptable IDs count as right for precision only. The score is the F1 of the two. A
 * pass needs every all-of ID and one any-of ID cited exactly, and a precision of at least 0.5.
 * A case that expects no technique passes when nothing outside its acceptable list is cited.
 */
export function scoreTechniques(context: ScorerContext): ScoreResult {
  const { anyOf, allOf, acceptable } = context.testCase.techniques;
  const cited = citedTechniqueIds(context);
  const citedSet = new Set(cited);
  const citedClosure = closeUnderParents(cited);
  const best = bestAlternative(anyOf, citedClosure);
  const expected = closeUnderParents(best ? [...allOf, best] : allOf);
  const allowed = closeUnderParents([...expected, ...acceptable]);

  // Citing nothing is precise only when nothing is expected.
  let precision = expected.size === 0 ? 1 : 0;
  if (citedClosure.size > 0) precision = overlap(citedClosure, allowed) / citedClosure.size;
  const recall = expected.size === 0 ? 1 : overlap(citedClosure, expected) / expected.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const missing = missingRequirements(citedSet, anyOf, allOf);
  const unexpected = cited.filter((id) => !allowed.has(id));
  const pass = missing.length === 0 && precision >= minTechniquePrecision;

  const figures = `precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}`;
  const parts = [`cited ${cited.length > 0 ? listForReason(cited) : 'no technique'} (${figures})`];
  if (missing.length > 0) parts.push(`missing ${listForReason(missing)}`);
  if (unexpected.length > 0) parts.push(`not expected: ${listForReason(unexpected)}`);
  return { pass, score: clampScore(f1), reason: parts.join('; ') };
}
