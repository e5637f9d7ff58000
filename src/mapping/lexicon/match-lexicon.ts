import type { LexiconEntry } from './lexicon-entry.js';

export interface LexiconHit {
  entry: LexiconEntry;
  /** The patterns that matched, as written in the lexicon. */
  matched: string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A compiled lexicon: one regular expression per entry, built once. */
export class LexiconMatcher {
  private readonly compiled: { entry: LexiconEntry; patterns: { pattern: string; regex: RegExp }[] }[];

  constructor(entries: LexiconEntry[]) {
    this.compiled = entries.map((entry) => ({
      entry,
      patterns: entry.patterns.map((pattern) => ({
        pattern,
        regex: new RegExp(`(?<![\\w$])${escapeRegExp(pattern.toLowerCase())}(?![\\w$])`),
      })),
    }));
  }

  /** Lists the entries whose patterns occur in the text as whole words, case-insensitively. */
  match(text: string): LexiconHit[] {
    const haystack = text.toLowerCase();
    const hits: LexiconHit[] = [];
    for (const { entry, patterns } of this.compiled) {
      const matched = patterns.filter(({ regex }) => regex.test(haystack)).map(({ pattern }) => pattern);
      if (matched.length > 0) hits.push({ entry, matched });
    }
    return hits;
  }
}
