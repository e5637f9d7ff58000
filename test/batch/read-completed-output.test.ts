import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BatchResult } from '../../src/batch/batch-record.js';
import { readCompletedOutput } from '../../src/batch/read-completed-output.js';
import { silentLogger } from '../../src/logging/logger.js';

function failedLine(line: number): string {
  return JSON.stringify({ position: { file: 'queue.jsonl', line }, status: 'failed', error: `queue.jsonl:${line}: the input is empty` });
}

function explainedLine(line: number): string {
  const explanation = { techniques: [{ id: 'T1110.001' }], interpretation: { summary: 'x' } };
  return JSON.stringify({ position: { file: 'queue.jsonl', line }, status: 'explained', fingerprint: 'f', explainedBy: 'backend', alert: { description: 'x' }, explanation });
}

function outputFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ids-explain-resume-')), 'out.jsonl');
  writeFileSync(path, content);
  return path;
}

describe('readCompletedOutput', () => {
  it('returns the positions already written', async () => {
    const path = outputFile(`${failedLine(1)}\n${explainedLine(3)}\n`);
    const completed = await readCompletedOutput({ path, logger: silentLogger });
    expect(completed.size).toBe(2);
    expect(completed.has({ file: 'queue.jsonl', line: 3 })).toBe(true);
    expect(completed.has({ file: 'queue.jsonl', line: 2 })).toBe(false);
  });

  it('cuts a partial last line off', async () => {
    const whole = `${failedLine(1)}\n${failedLine(2)}\n`;
    const path = outputFile(`${whole}${explainedLine(3).slice(0, 40)}`);
    const completed = await readCompletedOutput({ path, logger: silentLogger });
    expect(completed.has({ file: 'queue.jsonl', line: 3 })).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(whole);
  });

  it('redoes a last line cut just before its newline', async () => {
    const path = outputFile(`${failedLine(1)}\n${failedLine(2)}`);
    const completed = await readCompletedOutput({ path, logger: silentLogger });
    expect(completed.has({ file: 'queue.jsonl', line: 2 })).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(`${failedLine(1)}\n`);
  });

  it('cuts a partial line after carriage returns', async () => {
    const whole = `${failedLine(1)}\r\n${failedLine(2)}\r\n`;
    const path = outputFile(`${whole}${explainedLine(3).slice(0, 40)}`);
    await readCompletedOutput({ path, logger: silentLogger });
    expect(readFileSync(path, 'utf8')).toBe(whole);
  });

  it('cuts a partial line after invalid bytes', async () => {
    const whole = Buffer.concat([Buffer.from(`${failedLine(1)}\n`), Buffer.from([0xff, 0xfe, 0xc3, 0x0a]), Buffer.from(`${failedLine(2)}\n`)]);
    const path = outputFile('');
    writeFileSync(path, Buffer.concat([whole, Buffer.from(explainedLine(3).slice(0, 40))]));
    await readCompletedOutput({ path, logger: silentLogger });
    expect(readFileSync(path, 'utf8')).toBe(`${failedLine(1)}\n${failedLine(2)}\n`);
  });

  it('rejects a file without records', async () => {
    const path = outputFile('notes from last week\nsecond line\n');
    await expect(readCompletedOutput({ path, logger: silentLogger })).rejects.toThrow(/contains no batch records, so --resume would delete its 2 lines/);
    expect(readFileSync(path, 'utf8')).toBe('notes from last week\nsecond line\n');
  });

  it('drops broken and repeated lines', async () => {
    const path = outputFile(`${failedLine(1)}\nnot a record\n${failedLine(1)}\n${failedLine(2)}\n`);
    const completed = await readCompletedOutput({ path, logger: silentLogger });
    expect(completed.size).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe(`${failedLine(1)}\n${failedLine(2)}\n`);
  });

  it('hands every record to the caller', async () => {
    const path = outputFile(`${failedLine(1)}\n${explainedLine(2)}\n`);
    const seen: BatchResult[] = [];
    await readCompletedOutput({ path, logger: silentLogger, onRecord: (record) => seen.push(record) });
    expect(seen.map((record) => record.status)).toEqual(['failed', 'explained']);
    const explained = seen[1];
    if (explained?.status !== 'explained') throw new Error('expected an explained record second');
    expect(explained.techniqueIds).toEqual(['T1110.001']);
  });

  it('rejects the output of another input', async () => {
    const path = outputFile(`${failedLine(1)}\n${failedLine(2)}\n`);
    const reading = readCompletedOutput({ path, logger: silentLogger, inputNames: new Set(['other.jsonl']) });
    await expect(reading).rejects.toThrow(`${path} contains the output of another job: 2 records from queue.jsonl, which is not an input of this run`);
  });

  it("leaves another job's output unchanged", async () => {
    const content = `${failedLine(1)}\nnot a record\n${failedLine(2)}`;
    const path = outputFile(content);
    await readCompletedOutput({ path, logger: silentLogger, inputNames: new Set(['other.jsonl']) }).catch(() => undefined);
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('accepts records of its own inputs', async () => {
    const path = outputFile(`${failedLine(1)}\n${failedLine(2)}\n`);
    const completed = await readCompletedOutput({ path, logger: silentLogger, inputNames: new Set(['queue.jsonl', 'more.jsonl']) });
    expect(completed.size).toBe(2);
  });

  it('accepts a missing file', async () => {
    const completed = await readCompletedOutput({ path: join(tmpdir(), 'ids-explain-no-such-output.jsonl'), logger: silentLogger });
    expect(completed.size).toBe(0);
  });
});
