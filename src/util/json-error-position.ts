/** Nesting depth beyond which findJsonErrorOffset gives up instead of recursing further. */
const maxScanDepth = 1000;

/**
 * Returns the offset of the first JSON syntax error in a text, or undefined when the text is
 * valid JSON or nests deeper than 1,000 levels before its error. Node 20's `JSON.parse`
 * messages often omit the position, so this scanner finds it for error messages. It is not
 * used to parse.
 */
export function findJsonErrorOffset(text: string): number | undefined {
  let position = 0;
  let depth = 0;
  class Stop extends Error {}
  class TooDeep extends Error {}
  const fail = (): never => {
    throw new Stop();
  };
  const skipSpace = () => {
    while (position < text.length && ' \t\r\n'.includes(text[position]!)) position += 1;
  };
  const expect = (literal: string) => {
    for (const character of literal) {
      if (text[position] !== character) fail();
      position += 1;
    }
  };
  const readString = () => {
    expect('"');
    while (position < text.length) {
      const character = text[position]!;
      if (character === '"') {
        position += 1;
        return;
      }
      if (character === '\\') {
        position += 1;
        if (text[position] === 'u') {
          position += 1;
          for (let index = 0; index < 4; index += 1) {
            if (!/[0-9a-f]/i.test(text[position] ?? '')) fail();
            position += 1;
          }
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[position] ?? 'x')) fail();
      } else if (character < ' ') {
        fail();
      }
      position += 1;
    }
    fail();
  };
  const readNumber = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(position, position + 400));
    if (!match) fail();
    position += match![0].length;
  };
  const readValue = (): void => {
    skipSpace();
    const character = text[position];
    if (character === '{') return readContainer('}', true);
    if (character === '[') return readContainer(']', false);
    if (character === '"') return readString();
    if (character === 't') return expect('true');
    if (character === 'f') return expect('false');
    if (character === 'n') return expect('null');
    return readNumber();
  };
  const readContainer = (close: string, isObject: boolean): void => {
    position += 1;
    depth += 1;
    if (depth > maxScanDepth) throw new TooDeep();
    skipSpace();
    if (text[position] === close) {
      position += 1;
      depth -= 1;
      return;
    }
    for (;;) {
      if (isObject) {
        skipSpace();
        readString();
        skipSpace();
        expect(':');
      }
      readValue();
      skipSpace();
      if (text[position] === ',') {
        position += 1;
        continue;
      }
      expect(close);
      depth -= 1;
      return;
    }
  };

  try {
    readValue();
    skipSpace();
    return position < text.length ? position : undefined;
  } catch (error) {
    if (error instanceof Stop) return Math.min(position, text.length);
    if (error instanceof TooDeep) return undefined;
    throw error;
  }
}

/** Converts a character offset into a line and column, both counted from 1. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** Position and reason of a JSON syntax error, for one-line error messages. */
export interface JsonErrorDescription {
  /** " at line L, column C", or an empty string when no position is known. */
  where: string;
  reason: string;
}

function reasonFromMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const token = /^Unexpected token '?(.)'?/.exec(message);
  if (token) return `unexpected character '${token[1]}'`;
  if (/^Unexpected non-whitespace character after JSON/.test(message)) return 'unexpected text after the end of the JSON value';
  const stripped = message.replace(/ in JSON at position \d+.*$/s, '').replace(/,? ?"[\s\S]*" is not valid JSON$/, '').trim();
  return stripped.charAt(0).toLowerCase() + stripped.slice(1);
}

/**
 * Describes why a text failed `JSON.parse`: the line and column of the first syntax error
 * and a short reason, saying plainly when the text ends before the JSON is complete.
 */
export function describeJsonError(text: string, error: unknown): JsonErrorDescription {
  const offset = findJsonErrorOffset(text);
  if (offset === undefined) return { where: '', reason: reasonFromMessage(error) };
  const { line, column } = lineAndColumn(text, offset);
  const truncated = offset >= text.trimEnd().length;
  return {
    where: ` at line ${line}, column ${column}`,
    reason: truncated ? 'the text ends before the JSON is complete' : reasonFromMessage(error),
  };
}
