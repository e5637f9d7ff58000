/** Kinds of security artefact that the lexicon recognises in alert text. */
export type ArtefactKind = 'binary' | 'event-id' | 'named-pipe' | 'protocol' | 'port' | 'log-source' | 'phrase';

/**
 * One artefact and the techniques it points to. Patterns match whole words, case-insensitively;
 * a weight of 1 means the artefact alone nearly settles the technique.
 */
export interface LexiconEntry {
  kind: ArtefactKind;
  patterns: string[];
  techniques: { id: string; weight: number }[];
  /** Why the artefact points to these techniques; shown as evidence. */
  reason: string;
}
