import type { AttackIndex } from '../attack/attack-index.js';
import { tokenize } from '../mapping/tokenize.js';

/** Longest quote that reads well in an explanation; longer sentences are used only as a last resort. */
const preferredMaxLength = 320;

/**
 * Picks the sentence of a technique's ATT&CK description that shares the most terms with the
 * alert text; the opening sentence wins ties because it defines the technique.
 */
export function chooseAttackQuote(index: AttackIndex, techniqueId: string, alertText: string): string | undefined {
  const sentences = index.techniqueSentences(techniqueId).filter((sentence) => sentence.length >= 20);
  if (sentences.length === 0) return undefined;
  const alertTerms = new Set(tokenize(alertText));
  let best = sentences[0]!;
  let bestScore = -1;
  sentences.forEach((sentence, position) => {
    const overlap = new Set(tokenize(sentence).filter((term) => alertTerms.has(term))).size;
    const lengthPenalty = sentence.length > preferredMaxLength ? 2 : 0;
    const score = overlap - lengthPenalty + (position === 0 ? 0.5 : 0);
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  });
  return best;
}
