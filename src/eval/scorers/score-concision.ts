import type { WordLimits } from '../eval-suite-schema.js';
import { impactAspects, mitigationKinds, type ExplanationView } from '../explanation-view.js';
import { splitWords } from '../text/split-words.js';
import { clampScore, listForReason, type ScoreResult, type ScorerContext } from './scorer.js';

function words(...texts: string[]): number {
  return texts.reduce((total, text) => total + splitWords(text).length, 0);
}

/** Word counts of each limited part of an explanation, keyed like the suite's limits. */
function measure(view: ExplanationView): { name: keyof WordLimits; label: string; count: number }[] {
  const interpretation = words(view.interpretation.summary, view.interpretation.details);
  const techniques = view.techniques.map((technique, position) => ({
    name: 'technique' as const,
    label: `technique ${technique.id || position + 1}`,
    count: words(technique.explanation),
  }));
  const impact = words(...impactAspects.map((aspect) => view.impact[aspect]));
  const mitigations = words(...mitigationKinds.flatMap((kind) => view.mitigations[kind].map((item) => item.action)));
  const total = interpretation + techniques.reduce((sum, item) => sum + item.count, 0) + impact + mitigations;
  return [
    { name: 'interpretation', label: 'interpretation', count: interpretation },
    ...techniques,
    { name: 'impact', label: 'impact', count: impact },
    { name: 'mitigations', label: 'mitigations', count: mitigations },
    { name: 'total', label: 'total', count: total },
  ];
}

/**
 * Scores concision: word counts of the interpretation (summary and details), of each
 * technique explanation, of the impact, of all mitigation actions and of the whole prose,
 * each against the case's limit. ATT&CK quotes are not counted. Each part scores 1 within
 * its limit and limit ÷ count above it. The score is the mean, and a pass needs every part
 * within its limit.
 */
export function scoreConcision(context: ScorerContext): ScoreResult {
  const limited = measure(context.subject.view).filter((part) => context.maxWords[part.name] !== undefined);
  if (limited.length === 0) return { pass: true, score: 1, reason: 'no word limits set' };

  const over: string[] = [];
  let sum = 0;
  for (const part of limited) {
    const limit = context.maxWords[part.name]!;
    sum += part.count <= limit ? 1 : limit / part.count;
    if (part.count > limit) over.push(`${part.label} ${part.count} > ${limit}`);
  }
  const score = clampScore(sum / limited.length);
  const total = limited.find((part) => part.name === 'total')?.count;
  const size = total !== undefined ? `${total} words` : 'word counts';
  if (over.length === 0) return { pass: true, score, reason: `${size}, every part within its limit` };
  return { pass: false, score, reason: `${size}; over the limit: ${listForReason(over)}` };
}
