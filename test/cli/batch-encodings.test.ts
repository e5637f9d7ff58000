import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realAttackPath, repositoryRoot } from '../support/real-attack.js';
import { runCli as runBuiltCli } from '../support/run-cli.js';

const stormFile = join(repositoryRoot, 'fixtures/batch/18-duplicate-burst-rdp.jsonl');
const stormText = readFileSync(stormFile, 'utf8');
const alertCount = stormText.trim().split('\n').length;
const env = { IDS_EXPLAIN_ATTACK: realAttackPath() };

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

/** Each encoding as a writer of text; the UTF-16LE ones also end lines with CR LF, as Windows tools do. */
const encodings: [string, (text: string) => Buffer][] = [
  ['UTF-8', (text) => Buffer.from(text)],
  ['UTF-8 with a mark', (text) => Buffer.from(`\uFEFF${text}`)],
  ['UTF-16LE with a mark', (text) => Buffer.from(`\uFEFF${text.replace(/\n/g, '\r\n')}`, 'utf16le')],
  ['UTF-16LE without a mark', (text) => Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')],
  ['UTF-16BE with a mark', (text) => utf16be(`\uFEFF${text}`)],
  ['UTF-16BE without a mark', (text) => utf16be(text)],
];

interface OutputRecord {
  status: string;
}

function readRecords(path: string): OutputRecord[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as OutputRecord);
}

describe('ids-explain batch input encodings', () => {
  it.each(encodings)('writes one record per alert from %s', async (_, encode) => {
    const folder = mkdtempSync(join(tmpdir(), 'ids-explain-encodings-'));
    const input = join(folder, 'storm.jsonl');
    const out = join(folder, 'out.jsonl');
    writeFileSync(input, encode(stormText));
    const result = await runBuiltCli(['batch', input, '--out', out, '--no-cache', '--quiet'], { env });
    expect(result.code).toBe(0);
    const records = readRecords(out);
    expect(records).toHaveLength(alertCount);
    expect(records.filter((record) => record.status === 'explained')).toHaveLength(alertCount);
  });

  it('reads UTF-16 without a mark on stdin', async () => {
    const result = await runBuiltCli(['batch', '-', '--out', '-', '--no-cache', '--quiet'], { env, input: Buffer.from(stormText, 'utf16le') });
    const records = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as OutputRecord);
    expect(records.filter((record) => record.status === 'explained')).toHaveLength(alertCount);
  });
});

describe('ids-explain explain input encodings', () => {
  it.each(encodings)('explains an alert in %s', async (_, encode) => {
    const folder = mkdtempSync(join(tmpdir(), 'ids-explain-encodings-'));
    const input = join(folder, 'alert.json');
    writeFileSync(input, encode(stormText.split('\n')[0]!));
    const result = await runBuiltCli(['explain', input, '--format', 'json'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
