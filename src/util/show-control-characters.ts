/**
 * Characters that make a terminal or a text viewer do something other than print. They are the
 * C0 and C1 control codes and DEL: ESC starts colour, cursor and hyperlink sequences, and CR
 * returns to the start of the line. They also include the Unicode line and paragraph
 * separators, and the bidirectional marks, embeddings, overrides and isolates that reorder how
 * text is displayed. Tab is left out, and callers that keep line breaks skip the line feed.
 */
const controlPattern = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export interface ShowControlCharactersOptions {
  /** Keeps line feeds (and CR LF pairs, as line feeds) instead of writing them as escapes. */
  keepLineBreaks?: boolean;
}

/**
 * Returns text that is safe to print on a terminal: every control character, and every mark
 * that reorders displayed text, becomes a visible `\uXXXX` escape. Tabs stay. Line feeds stay
 * when `keepLineBreaks` is set, and are escaped otherwise.
 */
export function showControlCharacters(text: string, options: ShowControlCharactersOptions = {}): string {
  const source = options.keepLineBreaks ? text.replace(/\r\n/g, '\n') : text;
  return source.replace(controlPattern, (character) => {
    if (character === '\n' && options.keepLineBreaks) return character;
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
