import { jargonTerms, type JargonTerm } from './jargon-terms.js';

export interface JargonUse {
  term: string;
  /** The text as written, such as "SMB2". */
  match: string;
  /** True when the context defines the term somewhere. */
  explained: boolean;
}

interface CompiledTerm {
  term: JargonTerm;
  /** Finds a use of the term. */
  use: RegExp;
  /** Finds a definition: the term followed by "(", ", a ...", " is a ...", " means ...". */
  definition: RegExp;
  /** Finds the term named after plain words, in brackets: "a remote login (SSH)". */
  bracketed: RegExp;
}

const definitionTail =
  String.raw`["”']?\s*(?:\(|,\s*(?:a|an|the|which|meaning|short for|also called)\b|\s+(?:is|are)\s+(?:a|an|the|one|how|what|when|where)\b|\s+(?:means|stands for|refers to)\b|\s*:\s)`;

function compile(term: JargonTerm): CompiledTerm {
  const flags = term.caseSensitive ? 'u' : 'iu';
  const alternatives = term.patterns.join('|');
  const bounded = String.raw`(?<![\p{L}\p{N}_$\\/.-])(?:${alternatives})(?![\p{L}\p{N}_$]|\.\p{L})`;
  return {
    term,
    use: new RegExp(bounded, flags),
    // One following noun may sit between the term and its definition: "Kerberos tickets, the passes".
    definition: new RegExp(String.raw`${bounded}(?:\s+\p{L}+)?${definitionTail}`, flags),
    bracketed: new RegExp(String.raw`\p{L}+\s*\(\s*["“']?(?:${alternatives})["”']?\s*\)`, flags),
  };
}

const compiled = jargonTerms.map(compile);

/**
 * Lists the jargon terms that `text` uses. A term is marked explained when `context` (the text
 * itself plus any glossary the reader sees with it) defines it. A definition is the term
 * followed, directly or after one noun, by a bracket, an appositive (", a ..."), "is a/an/the ...", "means", "stands for",
 * "refers to" or a colon, or the term in brackets after plain words.
 */
export function findJargon(text: string, context: string): JargonUse[] {
  const uses: JargonUse[] = [];
  for (const { term, use, definition, bracketed } of compiled) {
    const match = use.exec(text);
    if (!match) continue;
    const explained = definition.test(context) || bracketed.test(context);
    uses.push({ term: term.term, match: match[0], explained });
  }
  return uses;
}
