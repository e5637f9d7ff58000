/** Kinds of security artefact that the lexicon recognises in alert text. */
export type ArtefactKind = 'binary' | 'event-id' | 'named-pipe' | 'protocol' | 'port' | 'log-source' | 'phrase' | 'cloud';

/**
 * One artefact and the techniques it points to. Patterns match whole words, case-insensitively;
 * a weight of 1 means the artefact alone nearly settles the technique.
 */
export interface LexiconEntry {
  kind: ArtefactKind;
  patterns: string[];
  techniques: { id: string; weight: number }[];
  /** Reason the artefact points to these techniques, shown as evidence. */
  reason: string;
  /** A sentence of the kind an alert would contain that the entry must match; tests check it. */
  example: string;
}

/**
 * Writes a lexicon entry compactly: patterns separated by "|", techniques as "T1053.002:1
 * T1021.002:0.5" (ID, colon, weight).
 */
export function entry(kind: ArtefactKind, patterns: string, techniques: string, reason: string, example: string): LexiconEntry {
  return {
    kind,
    patterns: patterns.split('|').map((pattern) => pattern.trim()).filter((pattern) => pattern.length > 0),
    techniques: techniques
      .trim()
      .split(/\s+/)
      .map((pair) => {
        const [id, weight] = pair.split(':');
        return { id: id!, weight: Number(weight ?? 1) };
      }),
    reason,
    example,
  };
}
