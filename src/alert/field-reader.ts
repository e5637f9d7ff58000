import type { FieldEntry } from './assign-fields.js';

function present(entry: FieldEntry): boolean {
  return typeof entry.value !== 'string' || entry.value.trim() !== '';
}

function asNumber(value: FieldEntry['value']): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !/^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}

/**
 * Reads named fields of one flattened record by exact dotted path and remembers which ones
 * an adapter used, so that every other field can still be shown as a detail. Numbers written
 * as strings ("51884") are read as numbers.
 */
export class FieldReader {
  private readonly byPath = new Map<string, FieldEntry[]>();
  private readonly used = new Set<FieldEntry>();

  constructor(readonly entries: FieldEntry[]) {
    for (const entry of entries) {
      const list = this.byPath.get(entry.path) ?? [];
      list.push(entry);
      this.byPath.set(entry.path, list);
    }
  }

  /** Tells whether the record has a non-blank value at the path. */
  has(path: string): boolean {
    return (this.byPath.get(path) ?? []).some(present);
  }

  /** Returns the first non-blank value at the path without marking it used, so it stays a detail. */
  peek(path: string): string | undefined {
    const entry = (this.byPath.get(path) ?? []).find(present);
    return entry === undefined ? undefined : String(entry.value).trim();
  }

  /** Returns the first non-blank value, trimmed, of the first path that has one. */
  text(...paths: string[]): string | undefined {
    for (const path of paths) {
      const entry = (this.byPath.get(path) ?? []).find(present);
      if (entry) {
        this.used.add(entry);
        return String(entry.value).trim();
      }
    }
    return undefined;
  }

  /** Returns every non-blank value of the paths, trimmed and without repeats. */
  texts(...paths: string[]): string[] {
    const values: string[] = [];
    for (const path of paths) {
      for (const entry of (this.byPath.get(path) ?? []).filter(present)) {
        this.used.add(entry);
        values.push(String(entry.value).trim());
      }
    }
    return [...new Set(values)];
  }

  /** Returns every non-blank value whose path matches the pattern, without repeats. */
  matching(pattern: RegExp): string[] {
    const values: string[] = [];
    for (const entry of this.entries) {
      if (!pattern.test(entry.path) || !present(entry)) continue;
      this.used.add(entry);
      values.push(String(entry.value).trim());
    }
    return [...new Set(values)];
  }

  /** Returns the first value of the paths that reads as a number, including numeric strings. */
  number(...paths: string[]): number | undefined {
    for (const path of paths) {
      for (const entry of this.byPath.get(path) ?? []) {
        const number = asNumber(entry.value);
        if (number === undefined) continue;
        this.used.add(entry);
        return number;
      }
    }
    return undefined;
  }

  /** Returns the first value of the paths that is a valid port number (0 to 65535). */
  port(...paths: string[]): number | undefined {
    for (const path of paths) {
      for (const entry of this.byPath.get(path) ?? []) {
        const number = asNumber(entry.value);
        if (number === undefined || !Number.isInteger(number) || number < 0 || number > 65535) continue;
        this.used.add(entry);
        return number;
      }
    }
    return undefined;
  }

  /** Marks fields as used without reading them, such as vendor names kept only in `raw`. */
  skip(pattern: RegExp): void {
    for (const entry of this.entries) if (pattern.test(entry.path)) this.used.add(entry);
  }

  /** Lists the non-blank fields that no read has used, in record order. */
  unused(): FieldEntry[] {
    return this.entries.filter((entry) => !this.used.has(entry) && present(entry));
  }
}
