import { appendFileSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error the benchmark generator is plain JavaScript without type declarations
import { generateAlerts } from '../../bench/generate-alerts.mjs';
import { parseThreadMinBytes } from '../../src/batch/wants-parse-thread.js';
import { maxThreadedAlertChars } from '../../src/batch/start-parse-thread.js';
import { realAttackPath } from '../support/real-attack.js';
import { runCli, type CliResult } from '../support/run-cli.js';

const folder = mkdtempSync(join(tmpdir(), 'ids-explain-parse-thread-'));
const input = join(folder, 'queue.jsonl');
const env = { IDS_EXPLAIN_ATTACK: realAttackPath() };

/** Output records keyed by line, without the time each explanation was written. */
function recordsOf(path: string): Map<number, string> {
  const records = new Map<number, string>();
  for (const line of readFileSync(path, 'utf8').split('\n').filter(Boolean)) {
    const record = JSON.parse(line.replace(/"generatedAt":"[^"]*"/g, '"generatedAt":""')) as { position: { line: number } };
    records.set(record.position.line, JSON.stringify(record));
  }
  return records;
}

async function runBatch(name: string, mode: string | undefined): Promise<CliResult & { records: Map<number, string> }> {
  const out = join(folder, `${name}.jsonl`);
  const result = await runCli(['batch', input, '--out', out, '--no-cache', '--quiet', '--log-level', 'info'], { env: { ...env, IDS_EXPLAIN_PARSE_THREAD: mode } });
  return { ...result, records: recordsOf(out) };
}

describe('ids-explain batch with a parsing thread', () => {
  let inline: Awaited<ReturnType<typeof runBatch>>;
  beforeAll(async () => {
    await generateAlerts({ alerts: 3500, rules: 60, seed: 5, out: input });
    // Alerts that fail in different ways, and one long enough to be parsed outside the thread.
    appendFileSync(input, ['{"alert": {"signature": "cut short', 'not an alert at all', '{}', `Description: long alert ${'x'.repeat(maxThreadedAlertChars)}`, ''].join('\n'));
    inline = await runBatch('inline', 'off');
  }, 120_000);

  it('has an input large enough for the thread in auto mode', () => {
    expect(statSync(input).size).toBeGreaterThan(parseThreadMinBytes);
  });

  it('writes the same records as parsing inline', { timeout: 120_000 }, async () => {
    const threaded = await runBatch('threaded', 'on');
    expect(threaded.code).toBe(0);
    expect([...threaded.records.entries()].sort()).toEqual([...inline.records.entries()].sort());
  });

  it('says when it parses in a thread', { timeout: 120_000 }, async () => {
    const threaded = await runBatch('threaded-log', 'on');
    expect(threaded.stderr).toMatch(/parsing alerts in a thread of their own/);
  });

  it('parses inline when off', () => {
    expect(inline.stderr).not.toMatch(/thread/);
  });

  it('parses in a thread in auto mode, one record per alert', { timeout: 120_000 }, async () => {
    const auto = await runBatch('auto', undefined);
    expect(auto.stderr).toMatch(/parsing alerts in a thread of their own/);
    expect(auto.records.size).toBe(3504);
  });

  it('keeps the error records of bad alerts', () => {
    const failed = [...inline.records.values()].filter((record) => record.includes('"status":"failed"'));
    expect(failed).toHaveLength(3);
  });

  it('exits when the job fails before reading', { timeout: 60_000 }, async () => {
    const out = join(folder, 'missing-folder', 'out.jsonl');
    const result = await runCli(['batch', input, '--out', out, '--no-cache', '--quiet'], { env: { ...env, IDS_EXPLAIN_PARSE_THREAD: 'on' }, timeoutMs: 30_000 });
    expect(result.code).toBe(2);
  });

  it('rejects an unknown IDS_EXPLAIN_PARSE_THREAD value', async () => {
    const result = await runCli(['batch', input, '--out', join(folder, 'never.jsonl')], { env: { ...env, IDS_EXPLAIN_PARSE_THREAD: 'sometimes' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/invalid environment variable IDS_EXPLAIN_PARSE_THREAD="sometimes"/);
  });
});
