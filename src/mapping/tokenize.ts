const stopWords = new Set(
  ('a an and are as at be been by can could detect detects detected detection for from has have ' +
    'in into is it its may might of on or such that the their then there these this to via was ' +
    'were when which while who will with within without using use used uses possible potential ' +
    'potentially suspicious activity attempt attempts rule rules event events alert alerts based ' +
    'also other than more most some any all not no one two new').split(' '),
);

const suffixes: [RegExp, string][] = [
  [/ies$/, 'y'],
  [/(ss)es$/, '$1'],
  [/([^s])s$/, '$1'],
  [/ing$/, ''],
  [/ed$/, ''],
  [/ation$/, 'ate'],
  [/ion$/, ''],
];

/** Reduces an English word to a rough stem so that "creation", "created" and "create" meet. */
export function stem(word: string): string {
  if (word.length <= 4 || /[\d._\\/$-]/.test(word)) return word;
  for (const [pattern, replacement] of suffixes) {
    if (pattern.test(word)) {
      const stemmed = word.replace(pattern, replacement);
      if (stemmed.length >= 3) return stemmed.replace(/e$/, '');
    }
  }
  return word.replace(/e$/, '');
}

/**
 * Splits text into search terms: lower-case words and stems, keeping artefact names whole
 * ("at.exe", "svc_patch", "4698") and also emitting their parts ("at", "exe").
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const raw of text.toLowerCase().split(/[^a-z0-9._$\\-]+/)) {
    const token = raw.replace(/^[._\\-]+|[._\\-]+$/g, '');
    if (token.length < 2) continue;
    const parts = token.split(/[._\\-]+/).filter((part) => part.length >= 2);
    if (parts.length > 1) terms.push(token);
    for (const part of parts) {
      if (!stopWords.has(part)) terms.push(stem(part));
    }
  }
  return terms;
}
