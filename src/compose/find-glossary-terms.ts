import { glossary, type GlossaryEntry } from './guides/glossary.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const compiled = glossary.map((entry) => ({
  entry,
  regex: new RegExp(entry.patterns.map((pattern) => `(?<![\\w$])${escapeRegExp(pattern)}(?![\\w$])`).join('|'), 'i'),
}));

/** Lists the glossary terms that a text uses, in glossary order. */
export function findGlossaryTerms(text: string): GlossaryEntry[] {
  return compiled.filter(({ regex }) => regex.test(text)).map(({ entry }) => entry);
}
