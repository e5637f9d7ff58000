import { splitSentences } from '../../attack/clean-attack-text.js';
import { countSyllables } from './count-syllables.js';
import { splitWords } from './split-words.js';

export interface ReadingGrade {
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch-Kincaid grade level; 0 for text without words. */
  grade: number;
}

/**
 * Syllables of one word for the grade. Names such as addresses, paths, host names and IDs
 * ("10.2.2.10", "FS01.corp.example.com", "T1053.002") count as one syllable: they are facts the
 * reader needs, not vocabulary. Acronyms of two to six capitals count one syllable per letter,
 * as they are spelled out when read ("RPC").
 */
function wordSyllables(word: string): number {
  if (/\d|[\\/_@:]|\p{L}\.\p{L}/u.test(word)) return 1;
  if (/^[A-Z]{2,6}s?$/.test(word)) return word.replace(/s$/, '').length;
  return Math.max(1, countSyllables(word));
}

/**
 * Measures the Flesch-Kincaid grade of a text: 0.39 × words per sentence + 11.8 × syllables
 * per word − 15.59. Sentences end at ".", "!" or "?" before a capital, and at line breaks, so
 * list items count as sentences.
 */
export function measureReadingGrade(text: string): ReadingGrade {
  const sentences = splitSentences(text).filter((sentence) => splitWords(sentence).length > 0);
  const words = sentences.flatMap((sentence) => splitWords(sentence));
  if (words.length === 0) return { words: 0, sentences: 0, syllables: 0, grade: 0 };
  const syllables = words.reduce((total, word) => total + wordSyllables(word), 0);
  const grade = 0.39 * (words.length / sentences.length) + 11.8 * (syllables / words.length) - 15.59;
  return { words: words.length, sentences: sentences.length, syllables, grade: Math.round(grade * 10) / 10 };
}
