const stopWords = new Set(
  ('a an and are as at be been by can could detect detects detected detection for from has have ' +
    'in into is it its may might of on or such that the their then there these this to via was ' +
    'were when which while who will with within without using use used uses possible potential ' +
    'potentially suspicious activity attempt attempts rule rules event events alert alerts based ' +
    'also other than more most some any all not no one two new adversary adversaries attacker ' +
    'attackers malicious would should like e.g i.e etc they them our your you we he she his her').split(' '),
);

/** Suffix rules in order: the first that leaves a stem of at least three letters applies. */
const suffixRules: [suffix: string, replacement: string][] = [
  ['ational', 'ate'],
  ['ization', 'ize'],
  ['ification', 'ify'],
  ['ations', 'ate'],
  ['ation', 'ate'],
  ['ments', ''],
  ['ment', ''],
  ['ness', ''],
  ['ence', ''],
  ['ions', ''],
  ['ion', ''],
  ['ies', 'y'],
  ['ied', 'y'],
  ['ying', 'y'],
  ['ing', ''],
  ['ed', ''],
  ['es', ''],
  ['s', ''],
];

/**
 * Reduces an English word to a stem so that "creation", "created" and "creates" meet at
 * "creat", and "modification" and "modified" at "modify". Words with digits or punctuation
 * are returned unchanged because they are usually artefact names.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /[^a-z]/.test(word)) return word;
  let stemmed = word;
  for (const [suffix, replacement] of suffixRules) {
    if (!word.endsWith(suffix)) continue;
    if (suffix === 's' && word.endsWith('ss')) break;
    const candidate = word.slice(0, -suffix.length) + replacement;
    if (candidate.length >= 3) {
      stemmed = candidate;
      break;
    }
  }
  return stemmed.length > 3 && stemmed.endsWith('e') ? stemmed.slice(0, -1) : stemmed;
}

function camelParts(raw: string): string[] {
  if (!/[a-z][A-Z]/.test(raw)) return [];
  return raw.split(/(?<=[a-z])(?=[A-Z])/).map((part) => part.toLowerCase());
}

function addWord(terms: string[], word: string): void {
  if (word.length < 2 || stopWords.has(word)) return;
  terms.push(stem(word));
}

/** Terms of one raw word: the whole artefact name when it has parts, then each part's words. */
function wordTerms(raw: string): string[] {
  const terms: string[] = [];
  const trimmed = raw.replace(/^[._\\-]+|[._\\-]+$/g, '');
  if (trimmed.length < 2) return terms;
  const token = trimmed.toLowerCase();
  const parts = trimmed.split(/[._\\-]+/).filter((part) => part.length >= 2);
  if (parts.length > 1) terms.push(token);
  for (const part of parts) {
    addWord(terms, part.toLowerCase());
    for (const word of camelParts(part)) addWord(terms, word);
  }
  return terms;
}

/** Maximum number of raw words whose terms tokenize remembers, and their maximum length. */
const maxRememberedWords = 100_000;
const maxRememberedLength = 64;
const rememberedTerms = new Map<string, readonly string[]>();

/**
 * Splits text into search terms: lower-case stemmed words without stop words. Artefact names
 * stay whole ("at.exe", "svc_patch", "new-scheduledtask") and also give their parts ("at",
 * "exe"); camel-case names ("NetScheduledJobAdd") also give their words.
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const raw of text.split(/[^A-Za-z0-9._$\\-]+/)) {
    let known = rememberedTerms.get(raw);
    if (!known) {
      known = wordTerms(raw);
      // Alerts repeat their words, so each is split and stemmed once, up to bounds that keep
      // text full of unique or long tokens (hashes, addresses, blobs) from growing the map.
      if (rememberedTerms.size < maxRememberedWords && raw.length <= maxRememberedLength) rememberedTerms.set(raw, known);
    }
    for (const term of known) terms.push(term);
  }
  return terms;
}

/**
 * Splits text into the lower-case words that lexicon patterns are matched against: runs of
 * letters, digits and `$`, so "at.exe" gives "at" and "exe" and "IPC$" gives "ipc$".
 */
export function lexiconWords(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9$]+/).filter((word) => word.length > 0);
}
