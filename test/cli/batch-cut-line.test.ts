import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realAttackPath } from '../support/real-attack.js';
import { runCli } from '../support/run-cli.js';

interface OutputRecord {
  position: { file: string; line: number };
  status: string;
  error?: string;
}

describe('ids-explain batch with a cut last line', () => {
  it('reports the cut line as invalid JSON', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ids-explain-cut-line-'));
    const input = join(folder, 'sensor.jsonl');
    const out = join(folder, 'out.jsonl');
    const complete = '{"description":"Failed SSH login for root","src_ip":"198.51.100.7","dest_ip":"10.0.0.5"}';
    // A sensor killed in mid-write leaves its last record without the description or newline.
    writeFileSync(input, `${complete}\n${complete}\n{"src_ip":"198.51.100.7","dest_ip":"10.0.0.5","des`);
    const result = await runCli(['batch', input, '--out', out, '--no-cache', '--quiet'], { env: { IDS_EXPLAIN_ATTACK: realAttackPath() } });
    expect(result.code).toBe(0);
    const records = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as OutputRecord);
    expect(records).toHaveLength(3);
    const cut = records.find((record) => record.position.line === 3);
    expect(cut?.error).toMatch(new RegExp(`^${input}:3: invalid JSON at line 1, column \\d+: the text ends before the JSON is complete; `));
    expect(cut?.error).toContain("Read the complete record from the sensor's log");
  });
});
