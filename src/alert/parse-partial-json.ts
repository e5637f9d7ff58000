import type { Truncation } from './alert-schema.js';

/** A JSON text that ended before its outermost value closed, read up to the cut. */
export interface PartialJson {
  /** Every complete member and element before the cut; open containers are closed. */
  value: unknown;
  truncation: Truncation;
}

class EndOfInput extends Error {}
class InvalidJson extends Error {}

const whitespace = new Set([' ', '\t', '\n', '\r']);
const literals: Record<string, unknown> = { true: true, false: false, null: null };

/**
 * Reads JSON from the start of `text`, stopping at the first character past the end of a
 * complete value or at the end of the text. A scalar that touches the end of the text could
 * itself be cut (a number such as 12 cut to 1), so only values followed by a delimiter count.
 */
class PartialJsonReader {
  private position = 0;
  /** Path of the container that was open when the text ended. */
  cutPath: string | undefined;

  constructor(private readonly text: string) {}

  read(): unknown {
    this.skipWhitespace();
    const value = this.readValue('');
    this.skipWhitespace();
    if (this.cutPath === undefined && this.position < this.text.length) throw new InvalidJson();
    return value;
  }

  private peek(): string {
    if (this.position >= this.text.length) throw new EndOfInput();
    return this.text[this.position]!;
  }

  private skipWhitespace(): void {
    while (this.position < this.text.length && whitespace.has(this.text[this.position]!)) this.position += 1;
  }

  private expect(character: string): void {
    if (this.peek() !== character) throw new InvalidJson();
    this.position += 1;
  }

  private readValue(path: string): unknown {
    const character = this.peek();
    if (character === '{') return this.readObject(path);
    if (character === '[') return this.readArray(path);
    if (character === '"') return this.readString();
    return this.readScalar();
  }

  private readObject(path: string): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    this.position += 1;
    try {
      this.skipWhitespace();
      if (this.peek() === '}') {
        this.position += 1;
        return object;
      }
      for (;;) {
        this.skipWhitespace();
        const key = this.readString();
        this.skipWhitespace();
        this.expect(':');
        this.skipWhitespace();
        const childPath = path ? `${path}.${key}` : key;
        const value = this.readValue(childPath);
        // A cut inside a child container keeps the child's complete part and ends here too.
        // defineProperty keeps a "__proto__" key as a member, as JSON.parse does.
        Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
        if (this.cutPath !== undefined) return object;
        this.skipWhitespace();
        const next = this.peek();
        this.position += 1;
        if (next === '}') return object;
        if (next !== ',') throw new InvalidJson();
      }
    } catch (error) {
      if (!(error instanceof EndOfInput)) throw error;
      this.cutPath ??= path;
      return object;
    }
  }

  private readArray(path: string): unknown[] {
    const array: unknown[] = [];
    this.position += 1;
    try {
      this.skipWhitespace();
      if (this.peek() === ']') {
        this.position += 1;
        return array;
      }
      for (;;) {
        this.skipWhitespace();
        const value = this.readValue(path);
        array.push(value);
        if (this.cutPath !== undefined) return array;
        this.skipWhitespace();
        const next = this.peek();
        this.position += 1;
        if (next === ']') return array;
        if (next !== ',') throw new InvalidJson();
      }
    } catch (error) {
      if (!(error instanceof EndOfInput)) throw error;
      this.cutPath ??= path;
      return array;
    }
  }

  private readString(): string {
    if (this.peek() !== '"') throw new InvalidJson();
    const start = this.position;
    this.position += 1;
    for (;;) {
      const character = this.peek();
      if (character === '\\') {
        this.position += 2;
        continue;
      }
      this.position += 1;
      if (character === '"') break;
    }
    try {
      return JSON.parse(this.text.slice(start, this.position)) as string;
    } catch {
      throw new InvalidJson();
    }
  }

  private readScalar(): unknown {
    const match = /^-?[\w.+-]+/.exec(this.text.slice(this.position, this.position + 64));
    if (!match) throw new InvalidJson();
    this.position += match[0].length;
    if (this.position >= this.text.length) throw new EndOfInput();
    const token = match[0];
    if (token in literals) return literals[token];
    const number = Number(token);
    if (!/^-?\d/.test(token) || Number.isNaN(number)) throw new InvalidJson();
    return number;
  }
}

/**
 * Reads a JSON text that was cut short, such as an EVE record cut by a syslog size limit.
 * Returns the complete part and where the cut is, or undefined when the text is complete or
 * has a syntax error before its end: only a clean cut counts as truncation.
 */
export function parsePartialJson(text: string): PartialJson | undefined {
  const reader = new PartialJsonReader(text.trimEnd());
  try {
    const value = reader.read();
    if (reader.cutPath === undefined) return undefined;
    return { value, truncation: { receivedChars: text.trimEnd().length, openPath: reader.cutPath } };
  } catch (error) {
    if (error instanceof InvalidJson || error instanceof EndOfInput) return undefined;
    throw error;
  }
}
