const citationPattern = /\s*\(Citation:[^)]*\)/g;
const markdownLinkPattern = /\[([^\]]+)\]\((?:https?:\/\/[^)\s]+)\)/g;
const htmlTagPattern = /<\/?(?:code|b|i|em|strong|br|sup|sub)\s*\/?>/gi;

/**
 * Cleans ATT&CK description text for display: drops `(Citation: ...)` markers, keeps only the
 * label of markdown links, removes inline HTML tags and collapses spaces (paragraph breaks stay).
 */
export function cleanAttackText(text: string | undefined): string {
  if (!text) return '';
  return text
    .replace(citationPattern, ' ')
    .replace(markdownLinkPattern, '$1')
    .replace(htmlTagPattern, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    // A removed citation leaves "text ." behind. Punctuation that starts a word, as in
    // ".NET" or ".txt", keeps its space.
    .replace(/ ([.,;:])(?=\s|$)/g, '$1')
    .trim();
}

/**
 * Splits cleaned ATT&CK text into sentences. Abbreviations such as "e.g." and "i.e." and
 * dotted names such as "at.exe" stay inside their sentence.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    const parts = paragraph.split(/(?<=[.!?])\s+(?=[A-Z(`"'])/);
    let pending = '';
    for (const part of parts) {
      pending = pending ? `${pending} ${part}` : part;
      if (/\b(?:e\.g|i\.e|etc|vs|cf|approx|incl)\.$/i.test(pending)) continue;
      sentences.push(pending.trim());
      pending = '';
    }
    if (pending.trim()) sentences.push(pending.trim());
  }
  return sentences.filter((sentence) => sentence.length > 0);
}

/** Folds white space and typographic quotes so that quote checks ignore layout differences. */
export function normalizeForQuoteMatch(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
