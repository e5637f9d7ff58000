import { splitSentences } from '../attack/clean-attack-text.js';
import type { AttackIndex } from '../attack/attack-index.js';
import type { TechniqueCandidate } from '../mapping/technique-mapping.js';
import { tokenize } from '../mapping/tokenize.js';
import { memoizeByString } from '../util/memoize-by-string.js';

/** ATT&CK facts about one candidate technique, as the prompt shows them. */
export interface AttackExcerpt {
  id: string;
  name: string;
  tactics: string[];
  url: string;
  confidence: number;
  /** True when the mapper predicts this technique for the alert. */
  likely: boolean;
  /** Readable reasons the mapper gave, from the alert's own terms. */
  evidence: string[];
  /** Description sentences, most relevant to the alert first; the opening sentence is always one. */
  sentences: string[];
  mitigations: { id: string; name: string; advice: string }[];
}

/** How much of an excerpt the prompt shows; lower levels save tokens. */
export type ExcerptDetail = 'full' | 'short' | 'minimal';

const maxSentences = 4;
const maxMitigations = 5;

// Prompts for alerts of related rules show the same techniques, so their sentences repeat.
const distinctTerms = memoizeByString((sentence): readonly string[] => [...new Set(tokenize(sentence))], { maxEntries: 50_000, maxKeyLength: 4096 });

function relevantSentences(sentences: string[], alertTerms: Set<string>): string[] {
  const [first, ...rest] = sentences;
  if (!first) return [];
  const scored = rest.map((sentence, position) => ({
    sentence,
    position,
    score: distinctTerms(sentence).filter((term) => alertTerms.has(term)).length,
  }));
  const chosen = scored
    .filter((item) => item.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, maxSentences - 1)
    .map((item) => item.sentence);
  return [first, ...chosen];
}

/**
 * Builds prompt excerpts for the mapper's top candidates: ID, name, tactics, URL, the
 * description sentences that share the most terms with the alert, and the linked mitigations
 * with their M IDs and advice. Revoked or unknown candidates are skipped.
 */
export function buildAttackExcerpts(options: {
  candidates: TechniqueCandidate[];
  predicted: TechniqueCandidate[];
  index: AttackIndex;
  alertText: string;
  limit: number;
}): AttackExcerpt[] {
  const { candidates, predicted, index, alertText, limit } = options;
  const alertTerms = new Set(tokenize(alertText));
  const likely = new Set(predicted.map((candidate) => candidate.id));
  const excerpts: AttackExcerpt[] = [];
  for (const candidate of candidates.slice(0, limit)) {
    const technique = index.technique(candidate.id);
    if (!technique || technique.revoked) continue;
    excerpts.push({
      id: technique.id,
      name: technique.displayName,
      tactics: index.tacticsOf(technique).map((tactic) => `${tactic.name} (${tactic.id})`),
      url: technique.url,
      confidence: candidate.confidence,
      likely: likely.has(candidate.id),
      evidence: candidate.evidence.slice(0, 2),
      sentences: relevantSentences(index.techniqueSentences(technique.id), alertTerms),
      mitigations: index.mitigationsFor(technique.id).slice(0, maxMitigations).map(({ mitigation, text }) => ({
        id: mitigation.id,
        name: mitigation.name,
        advice: splitSentences(text || mitigation.description)[0] ?? '',
      })),
    });
  }
  return excerpts;
}

/** Renders one excerpt as plain text at the given level of detail. */
export function formatAttackExcerpt(excerpt: AttackExcerpt, position: number, detail: ExcerptDetail): string {
  const status = excerpt.likely ? 'likely' : 'possible';
  const lines = [
    `[${position}] ${excerpt.id} ${excerpt.name} (${status}; mapper confidence ${excerpt.confidence.toFixed(2)})`,
    `Tactics: ${excerpt.tactics.join(', ') || 'none listed'}`,
    `URL: ${excerpt.url}`,
  ];
  if (detail === 'full' && excerpt.evidence.length > 0) lines.push(`Why proposed: ${excerpt.evidence.join('; ')}`);
  const sentences = detail === 'full' ? excerpt.sentences : excerpt.sentences.slice(0, detail === 'short' ? 2 : 1);
  lines.push('Description sentences:', ...sentences.map((sentence) => `- ${sentence}`));
  if (detail !== 'minimal' && excerpt.mitigations.length > 0) {
    lines.push('Mitigations:');
    for (const mitigation of excerpt.mitigations) {
      lines.push(detail === 'full' ? `- ${mitigation.id} ${mitigation.name}: ${mitigation.advice}` : `- ${mitigation.id} ${mitigation.name}`);
    }
  }
  return lines.join('\n');
}
