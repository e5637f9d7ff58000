import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExplanationsFile } from '../../src/eval/read-explanations-file.js';

function fileWith(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ids-explain-explanations-')), 'explanations.jsonl');
  writeFileSync(path, text);
  return path;
}

describe('readExplanationsFile', () => {
  it('reads explanations by case id', () => {
    const path = fileWith('{"id":"a","interpretation":{"summary":"s"}}\n\n{"id":"a","variant":"baseline","techniques":[]}\n');
    const recorded = readExplanationsFile(path);
    expect(recorded.get('a')).toEqual({ main: { interpretation: { summary: 's' } }, baseline: { techniques: [] } });
  });

  it('rejects invalid JSON with its line', () => {
    const path = fileWith('{"id":"a"}\n{oops\n');
    expect(() => readExplanationsFile(path)).toThrow(`${path} line 2: invalid JSON`);
  });

  it('rejects a line without an id', () => {
    const path = fileWith('{"interpretation":{}}\n');
    expect(() => readExplanationsFile(path)).toThrow('line 1: the explanation has no "id"');
  });

  it('rejects a repeated case', () => {
    const path = fileWith('{"id":"a"}\n{"id":"a"}\n');
    expect(() => readExplanationsFile(path)).toThrow('line 2: a second main explanation for case "a"');
  });

  it('rejects an unknown variant', () => {
    const path = fileWith('{"id":"a","variant":"other"}\n');
    expect(() => readExplanationsFile(path)).toThrow('invalid "variant" "other"');
  });

  it('rejects a missing file', () => {
    expect(() => readExplanationsFile('/nonexistent/explanations.jsonl')).toThrow('no such file');
  });
});
