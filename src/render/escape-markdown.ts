import { showControlCharacters } from '../util/show-control-characters.js';

/**
 * Position of a text in the Markdown: a paragraph that may span lines (`block`), one line such
 * as a list item or heading (`inline`), the label of a link (`link-text`), or a link target
 * (`link-destination`).
 */
export type MarkdownContext = 'block' | 'inline' | 'link-text' | 'link-destination';

// Up to three spaces, then a character or number that starts a block at the start of a line:
// headings, quotes, lists, tables, code fences, thematic breaks, setext underlines and link
// reference definitions. HTML is escaped wherever it starts.
const blockStartPattern = /^( {0,3})(?:([#>+*=_|`~[-])|(\d{1,9})([.)]))/gm;
// "[label](target)" and "![alt](target)" need "](" together, and "[label]: target" a line start.
const linkOpenPattern = /\]\(/g;
// The next three patterns also capture the backslashes written before the character. They
// match from the start of such a run, so a long run is read once.
// "<a href=...>", "<!-- -->" and autolinks such as "<https://...>".
const htmlStartPattern = /(?<!\\)(\\*)<(?=[A-Za-z/!?])/g;
// "&#x202e;" and "&amp;" turn into other characters in rendered Markdown.
const entityPattern = /(?<!\\)(\\*)&(?=#?[A-Za-z0-9]{1,32};)/g;
const linkTextBracketPattern = /(?<!\\)(\\*)([[\]])/g;

/**
 * Returns a character with a backslash before it, after the run of backslashes written just
 * before it, doubled. An odd run would otherwise cancel the added escape. Other backslashes,
 * as in "C:\Windows" or "\\server\share", stay as written.
 */
function escapeAfter(run: string, character: string): string {
  return `${run}${run}\\${character}`;
}

// White space, brackets and invisible characters that would end or disguise a link target.
const destinationEndPattern = /[\s()<>\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function percentEncode(character: string): string {
  return [...Buffer.from(character, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`).join('');
}

/**
 * Joins the lines of a text with single spaces, or with line feeds for a block. Blank lines go
 * in both cases, because in a block they would start a new paragraph that looks like a section.
 */
function joinLines(text: string, separator: ' ' | '\n'): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (separator === ' ' ? line.trim() : line.trimEnd()))
    .filter((line) => line.trim() !== '')
    .join(separator);
}

// A backslash escapes only punctuation, so a list number keeps its digits and loses the "." or ")".
function escapeBlockStart(_match: string, indent: string, marker?: string, number?: string, delimiter?: string): string {
  return marker ? `${indent}\\${marker}` : `${indent}${number}\\${delimiter}`;
}

/**
 * Escapes text from an alert or from ATT&CK data so that Markdown shows it as written and it
 * cannot add headings, links, images or HTML to the explanation. Control characters become
 * visible escapes first, so the result is also safe on a terminal. A `block` keeps its line
 * breaks but loses blank lines. In `inline` and `link-text` contexts line breaks become spaces,
 * because a break would end the list item or heading the text sits in. A `link-destination`
 * is percent-encoded where Markdown would end it.
 */
export function escapeMarkdown(text: string, context: MarkdownContext): string {
  if (context === 'link-destination') return text.replace(destinationEndPattern, percentEncode);
  const folded = joinLines(text, context === 'block' ? '\n' : ' ');
  const visible = showControlCharacters(folded, { keepLineBreaks: context === 'block' });
  const bracketed = context === 'link-text' ? visible.replace(linkTextBracketPattern, (_match, run: string, bracket: string) => escapeAfter(run, bracket)) : visible;
  return bracketed
    .replace(blockStartPattern, escapeBlockStart)
    .replace(linkOpenPattern, ']\\(')
    .replace(htmlStartPattern, (_match, run: string) => escapeAfter(run, '<'))
    .replace(entityPattern, (_match, run: string) => escapeAfter(run, '&'));
}
