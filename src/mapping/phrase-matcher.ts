import { lexiconWords } from './tokenize.js';

/** A phrase found in a text, with the value it was registered with. */
export interface PhraseHit<T> {
  value: T;
  /** The phrase as it was registered. */
  phrase: string;
}

interface Phrase<T> {
  words: string[];
  phrase: string;
  value: T;
}

/**
 * Finds registered phrases in text as whole-word sequences, case-insensitively, in one pass
 * over the text's words. "at.exe" matches "AT.EXE" and "at exe" but not "format.exe".
 */
export class PhraseMatcher<T> {
  private readonly byFirstWord = new Map<string, Phrase<T>[]>();

  /** Registers a phrase; a phrase without any word is ignored. */
  add(phrase: string, value: T): void {
    const words = lexiconWords(phrase);
    if (words.length === 0) return;
    const list = this.byFirstWord.get(words[0]!) ?? [];
    list.push({ words, phrase, value });
    this.byFirstWord.set(words[0]!, list);
  }

  /** Lists every registered phrase that occurs in the text, once each, in text order. */
  match(text: string): PhraseHit<T>[] {
    return this.matchWords(lexiconWords(text));
  }

  /** Like match, for text already split with lexiconWords. */
  matchWords(words: readonly string[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    const seen = new Set<Phrase<T>>();
    for (let start = 0; start < words.length; start += 1) {
      for (const candidate of this.byFirstWord.get(words[start]!) ?? []) {
        if (seen.has(candidate) || !startsAt(words, start, candidate.words)) continue;
        seen.add(candidate);
        hits.push({ value: candidate.value, phrase: candidate.phrase });
      }
    }
    return hits;
  }
}

function startsAt(words: readonly string[], start: number, phrase: readonly string[]): boolean {
  if (start + phrase.length > words.length) return false;
  for (let offset = 1; offset < phrase.length; offset += 1) {
    if (words[start + offset] !== phrase[offset]) return false;
  }
  return true;
}
