import { InputError } from '../errors/input-error.js';

/** One element of a JSON array as raw text, or why the element could not be taken whole. */
export type ArrayElement = { index: number; text: string } | { index: number; error: string };

const openBrace = 0x7b;
const closeBrace = 0x7d;
const openBracket = 0x5b;
const closeBracket = 0x5d;
const comma = 0x2c;
const quote = 0x22;
const backslash = 0x5c;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xfeff;
}

/**
 * Splits a JSON array, fed in chunks of text, into the raw text of its top-level elements,
 * without parsing them and without holding more than one element. Elements are not checked
 * here: invalid JSON inside an element is left to the alert parser, which names the problem.
 * An element longer than `maxElementChars` is reported instead of kept.
 */
export class JsonArraySplitter {
  private readonly maxElementChars: number;
  private state: 'before' | 'inside' | 'after' = 'before';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: string[] = [];
  private length = 0;
  private tooLong = false;
  private index = 0;
  private trailingText = false;

  constructor(maxElementChars: number) {
    this.maxElementChars = maxElementChars;
  }

  /** Scans the next chunk and returns the elements it completed. */
  push(chunk: string): ArrayElement[] {
    const elements: ArrayElement[] = [];
    let start = 0;
    for (let position = 0; position < chunk.length; position += 1) {
      const code = chunk.charCodeAt(position);
      if (this.state === 'before') {
        if (code === openBracket) {
          this.state = 'inside';
          this.depth = 1;
          start = position + 1;
        } else if (!isSpace(code)) {
          throw new InputError(`expected a JSON array, found "${chunk[position]}" first`, {
            hint: 'Pass --input-layout lines for JSON Lines, or leave --input-layout out to detect the layout',
          });
        }
        continue;
      }
      if (this.state === 'after') {
        if (!isSpace(code)) this.trailingText = true;
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (code === backslash) this.escaped = true;
        else if (code === quote) this.inString = false;
        continue;
      }
      if (code === quote) this.inString = true;
      else if (code === openBrace || code === openBracket) this.depth += 1;
      else if (code === closeBrace || code === closeBracket) {
        this.depth -= 1;
        if (this.depth === 0) {
          this.keep(chunk.slice(start, position));
          this.finishElement(elements, true);
          this.state = 'after';
        }
      } else if (code === comma && this.depth === 1) {
        this.keep(chunk.slice(start, position));
        this.finishElement(elements, false);
        start = position + 1;
      }
    }
    if (this.state === 'inside') this.keep(chunk.slice(start));
    return elements;
  }

  /** Finishes the input and returns what an unterminated array leaves, as an element or an error. */
  end(): ArrayElement[] {
    if (this.state === 'before') return [];
    if (this.state === 'after') {
      return this.trailingText ? [{ index: this.index, error: 'unexpected text after the end of the JSON array' }] : [];
    }
    const complete = this.depth === 1 && !this.inString;
    const pending = this.parts.join('');
    if (pending.trim() === '' && !this.tooLong) return [];
    const index = this.index;
    this.index += 1;
    if (!complete) return [{ index, error: 'the JSON array ends inside this element (the input is cut short)' }];
    return [this.tooLong ? this.tooLongError(index) : { index, text: pending }];
  }

  private keep(piece: string): void {
    if (this.tooLong || piece.length === 0) return;
    if (this.length + piece.length > this.maxElementChars) {
      this.tooLong = true;
      this.parts = [];
      return;
    }
    this.parts.push(piece);
    this.length += piece.length;
  }

  private finishElement(into: ArrayElement[], closing: boolean): void {
    const text = this.parts.join('');
    const empty = text.trim() === '' && !this.tooLong;
    // "[]", and "]" right after a trailing comma, close the array without another element.
    if (!(closing && empty)) {
      into.push(this.tooLong ? this.tooLongError(this.index) : { index: this.index, text });
      this.index += 1;
    }
    this.parts = [];
    this.length = 0;
    this.tooLong = false;
  }

  private tooLongError(index: number): ArrayElement {
    return { index, error: `the array element is longer than ${this.maxElementChars} characters` };
  }
}
