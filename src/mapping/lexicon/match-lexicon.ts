import { PhraseMatcher } from '../phrase-matcher.js';
import type { LexiconEntry } from './lexicon-entry.js';

export interface LexiconHit {
  entry: LexiconEntry;
  /** The patterns that matched, as written in the lexicon. */
  matched: string[];
}

/** A compiled lexicon that finds entries whose patterns occur in text as whole words. */
export class LexiconMatcher {
  private readonly phrases = new PhraseMatcher<LexiconEntry>();

  constructor(entries: readonly LexiconEntry[]) {
    for (const lexiconEntry of entries) {
      for (const pattern of lexiconEntry.patterns) this.phrases.add(pattern, lexiconEntry);
    }
  }

  /** Lists the entries whose patterns occur in the text, case-insensitively, in text order. */
  match(text: string): LexiconHit[] {
    return this.matchWords(text);
  }

  /** Groups phrase hits by entry; accepts text or words already split with lexiconWords. */
  matchWords(input: string | readonly string[]): LexiconHit[] {
    const phraseHits = typeof input === 'string' ? this.phrases.match(input) : this.phrases.matchWords(input);
    const byEntry = new Map<LexiconEntry, string[]>();
    for (const { value, phrase } of phraseHits) byEntry.set(value, [...(byEntry.get(value) ?? []), phrase]);
    return [...byEntry].map(([hitEntry, matched]) => ({ entry: hitEntry, matched }));
  }
}
