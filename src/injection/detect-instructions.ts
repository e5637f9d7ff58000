import { findTechniqueIds } from '../attack/technique-id.js';
import { instructionPatterns, outputKeys } from './instruction-patterns.js';
import { foldText, textVariants } from './text-variants.js';

/** Result of scanning one text for instruction-like content. */
export interface InstructionScan {
  /** True when the text reads as an attempt to instruct a reader of the alert, human or automated. */
  flagged: boolean;
  /** Kinds of instruction-like text found, such as "override" or "verdict-instruction". */
  kinds: string[];
  /** Plain descriptions of what was found, one per kind. */
  labels: string[];
  /** Disguises undone before the text was found, such as base64 or look-alike letters. */
  hiddenBy: string[];
  /** Technique IDs that the instruction-like text names. */
  techniqueIds: string[];
}

/** Maximum number of characters of one value that the detector reads. */
const maxScannedChars = 20_000;

function outputImitation(folded: string): { kind: string; label: string; strength: 'strong' | 'weak' } | undefined {
  const keys = new Set([...folded.matchAll(/\\?"([a-z]+)\\?"\s*:/g)].map((match) => match[1]!).filter((key) => outputKeys.includes(key)));
  if (keys.size >= 2) return { kind: 'output-imitation', label: 'imitates the explanation format', strength: 'strong' };
  return keys.size === 1 ? { kind: 'output-imitation', label: 'imitates the explanation format', strength: 'weak' } : undefined;
}

/**
 * Scans one alert field value for text that tries to instruct an automated reader. It looks
 * for orders to ignore instructions, a new role, chat-template markup, fake system messages,
 * requests to call the alert harmless or to cite a technique, and imitations of the
 * explanation format. The value is also read after undoing common disguises (see textVariants).
 */
export function detectInstructions(value: string): InstructionScan {
  const found = new Map<string, { label: string; strength: 'strong' | 'weak'; hiddenBy: string[] }>();
  const techniqueIds = new Set<string>();
  for (const variant of textVariants(value.slice(0, maxScannedChars))) {
    const folded = foldText(variant.text);
    const hits = instructionPatterns.filter(({ pattern }) => pattern.test(folded));
    const imitation = outputImitation(folded);
    const all = imitation ? [...hits, imitation] : hits;
    for (const hit of all) {
      const previous = found.get(hit.kind);
      if (!previous || (previous.hiddenBy.length > 0 && variant.decodings.length === 0)) {
        found.set(hit.kind, { label: hit.label, strength: hit.strength, hiddenBy: variant.decodings });
      }
    }
    if (all.length > 0) for (const id of findTechniqueIds(variant.text.replace(/\b[tT](\d{4})/g, 'T$1'))) techniqueIds.add(id);
  }
  const entries = [...found.entries()];
  const strong = entries.some(([, hit]) => hit.strength === 'strong');
  const flagged = strong || entries.length >= 2;
  return {
    flagged,
    kinds: entries.map(([kind]) => kind),
    labels: [...new Set(entries.map(([, hit]) => hit.label))],
    hiddenBy: [...new Set(entries.flatMap(([, hit]) => hit.hiddenBy))],
    techniqueIds: flagged ? [...techniqueIds] : [],
  };
}
