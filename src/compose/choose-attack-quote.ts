import type { AttackIndex } from '../attack/attack-index.js';
import { tokenize } from '../mapping/tokenize.js';

/** Longest quote that reads well in an explanation; longer sentences are used only as a last resort. */
const preferredMaxLength = 320;

interface SentenceTerms {
  sentence: string;
  terms: Set<string>;
}

// Explanations of one job cite the same few hundred techniques again and again, so each
// technique's sentences are tokenized once per loaded index.
const sentenceTerms = new WeakMap<AttackIndex, Map<string, SentenceTerms[]>>();

function termsOfSentences(index: AttackIndex, techniqueId: string): SentenceTerms[] {
  let byTechnique = sentenceTerms.get(index);
  if (!byTechnique) {
    byTechnique = new Map();
    sentenceTerms.set(index, byTechnique);
  }
  let sentences = byTechnique.get(techniqueId);
  if (!sentences) {
    sentences = index
      .techniqueSentences(techniqueId)
      .filter((sentence) => sentence.length >= 20)
      .map((sentence) => ({ sentence, terms: new Set(tokenize(sentence)) }));
    byTechnique.set(techniqueId, sentences);
  }
  return sentences;
}

/**
 * Picks the sentence of a technique's ATT&CK description that shares the most terms with the
 * alert text; the opening sentence wins ties because it defines the technique.
 */
export function chooseAttackQuote(index: AttackIndex, techniqueId: string, alertText: string): string | undefined {
  const sentences = termsOfSentences(index, techniqueId);
  if (sentences.length === 0) return undefined;
  const alertTerms = new Set(tokenize(alertText));
  let best = sentences[0]!.sentence;
  let bestScore = -1;
  sentences.forEach(({ sentence, terms }, position) => {
    let overlap = 0;
    for (const term of terms) if (alertTerms.has(term)) overlap += 1;
    const lengthPenalty = sentence.length > preferredMaxLength ? 2 : 0;
    const score = overlap - lengthPenalty + (position === 0 ? 0.5 : 0);
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  });
  return best;
}
