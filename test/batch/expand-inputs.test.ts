import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/batch/expand-inputs.js';

function folderWithAlert(): { folder: string; file: string } {
  const folder = mkdtempSync(join(tmpdir(), 'ids-explain-inputs-'));
  mkdirSync(join(folder, 'queue'));
  const file = join(folder, 'queue', 'a.jsonl');
  writeFileSync(file, '{"description":"a"}\n');
  return { folder, file };
}

describe('expandInputs', () => {
  it('lists a folder and a file in order', () => {
    const { folder, file } = folderWithAlert();
    const other = join(folder, 'b.jsonl');
    writeFileSync(other, '{"description":"b"}\n');
    expect(expandInputs([join(folder, 'queue'), other]).map((input) => input.path)).toEqual([file, other]);
  });

  it('rejects a file named twice', () => {
    const { file } = folderWithAlert();
    expect(() => expandInputs([file, file])).toThrow(`${file} would be read twice`);
  });

  it('rejects a file also inside a named folder', () => {
    const { folder, file } = folderWithAlert();
    expect(() => expandInputs([join(folder, 'queue'), file])).toThrow('would be read twice');
  });

  it('rejects a link to a file already named', () => {
    const { folder, file } = folderWithAlert();
    const link = join(folder, 'link.jsonl');
    symlinkSync(file, link);
    expect(() => expandInputs([file, link])).toThrow(`${file} and ${link} are the same file`);
  });

  it('rejects standard input named twice', () => {
    expect(() => expandInputs(['-', '-'])).toThrow('standard input ("-") is named more than once');
  });
});
