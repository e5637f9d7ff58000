/** One readable form of a field value, with the decoding that produced it. */
export interface TextVariant {
  text: string;
  /** Decoding steps that produced this form; empty for the value as written. */
  decodings: string[];
}

// Zero-width, bidirectional and other invisible format characters used to split words so that
// filters miss them.
const invisiblePattern = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufe00-\ufe0f\ufeff]/g;
// Unicode tag characters mirror ASCII and render as nothing, so text can hide inside them.
const tagPattern = /[\u{e0020}-\u{e007e}]/gu;
const tagRunPattern = /[\u{e0000}-\u{e007f}]+/gu;

/** Letters from other scripts that render like Latin ones. NFKC does not fold these. */
const lookAlikes: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', һ: 'h', ո: 'n', ս: 'u', ց: 'g',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', І: 'I',
  Ј: 'J', Ѕ: 'S', Ү: 'Y', α: 'a', ο: 'o', ν: 'v', ρ: 'p', τ: 't', ι: 'i', κ: 'k', ε: 'e', υ: 'u',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T',
  Υ: 'Y', Χ: 'X', ı: 'i', ɡ: 'g', ℓ: 'l', ꓲ: 'I', ᴀ: 'a', ʀ: 'r', ꜱ: 's',
};
const lookAlikePattern = new RegExp(`[${Object.keys(lookAlikes).join('')}]`, 'g');
const hasInvisible = new RegExp(invisiblePattern.source);
const hasLookAlike = new RegExp(lookAlikePattern.source);
const leet: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

const maxDecodedVariants = 12;

function decodePercent(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-9a-f]{2})/gi, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    }
  });
}

function decodeEscapes(text: string): string {
  return text
    .replace(/\\x([0-9a-f]{2})/gi, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\u([0-9a-f]{4})/gi, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function decodeHtmlEntities(text: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (match, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    return named[body.toLowerCase()] ?? match;
  });
}

function isReadableText(text: string): boolean {
  if (text.length < 8) return false;
  const printable = text.match(/[\x20-\x7e\n\t\u00a0-\uffff]/g)?.length ?? 0;
  return printable / text.length > 0.95 && /[a-z]{3,}\s+[a-z]{2,}/i.test(text);
}

function decodeBase64Runs(text: string): string[] {
  const decoded: string[] = [];
  for (const match of text.matchAll(/[A-Za-z0-9+/_-]{16,}={0,2}/g)) {
    const token = match[0];
    const value = Buffer.from(token.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    if (isReadableText(value)) decoded.push(value);
  }
  return decoded;
}

function splitCamelCase(text: string): string {
  return text.replace(/([a-z])([A-Z])/g, '$1 $2');
}

function mapLookAlikes(text: string): string {
  return text.replace(lookAlikePattern, (letter) => lookAlikes[letter] ?? letter);
}

/** Folds a text for matching: lower case, with runs of spaces and tabs collapsed. */
export function foldText(text: string): string {
  return text.toLowerCase().replace(/[ \t\u00a0]+/g, ' ').trim();
}

/**
 * Lists the forms in which a field value may carry readable text. Besides the value itself,
 * these are the value without invisible characters, with look-alike and styled letters mapped
 * to plain ones, and with Unicode tags, percent, HTML and backslash escapes and base64 runs
 * decoded. Word separators and camel case become spaces, and digits written for letters are
 * undone. Each form names the decodings that produced it.
 */
export function textVariants(value: string): TextVariant[] {
  const variants: TextVariant[] = [{ text: value, decodings: [] }];
  const add = (text: string, decodings: string[]) => {
    if (variants.length < maxDecodedVariants && !variants.some((variant) => variant.text === text)) variants.push({ text, decodings });
  };

  const hiddenTags = [...value.matchAll(tagRunPattern)]
    .map((run) => run[0].replace(tagPattern, (char) => String.fromCharCode(char.codePointAt(0)! - 0xe0000)).replace(tagRunPattern, ''))
    .join(' ');
  if (hiddenTags.trim()) add(hiddenTags, ['Unicode tag characters']);
  const visible = value.replace(tagRunPattern, '');
  if (hasInvisible.test(visible)) add(visible.replace(invisiblePattern, ''), ['zero-width characters']);
  if (hasLookAlike.test(visible)) add(mapLookAlikes(visible), ['look-alike letters']);
  if (visible.normalize('NFKC') !== visible) add(visible.normalize('NFKC'), ['full-width or styled letters']);

  // Later forms start from the value with every disguise above undone, and name those too.
  const base = mapLookAlikes(visible.replace(invisiblePattern, '').normalize('NFKC'));
  const chain = variants.slice(1).map((variant) => variant.decodings[0]!).filter((name) => name !== 'Unicode tag characters');
  const step = (text: string, previous: string, decoding: string): string => {
    if (text !== previous) {
      chain.push(decoding);
      add(text, [...chain]);
    }
    return text;
  };
  const unplussed = base.replace(/\+/g, ' ');
  const percent = step(decodePercent(unplussed), unplussed, 'percent-encoding');
  const escaped = step(decodeEscapes(percent), percent, 'backslash escapes');
  const entities = step(decodeHtmlEntities(escaped), escaped, 'HTML entities');
  for (const decoded of decodeBase64Runs(entities)) add(decoded, [...chain, 'base64']);
  const spaced = step(splitCamelCase(entities).replace(/[_\-.+/\\|~:=]+/g, ' '), entities, 'word separators');
  if (/[a-z][0-9@$]|[0-9@$][a-z]/i.test(spaced)) step(spaced.replace(/[013457@$]/g, (char) => leet[char] ?? char), spaced, 'digits for letters');
  return variants;
}
