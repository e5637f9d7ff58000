import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realAttackPath, repositoryRoot } from '../support/real-attack.js';
import { runCli as runBuiltCli } from '../support/run-cli.js';

const stormFile = join(repositoryRoot, 'fixtures/batch/18-duplicate-burst-rdp.jsonl');

function runCli(args: string[], input?: string) {
  return runBuiltCli(args, { env: { IDS_EXPLAIN_ATTACK: realAttackPath() }, ...(input !== undefined ? { input } : {}) });
}

function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'ids-explain-cli-batch-'));
}

describe('ids-explain batch', () => {
  it('writes one line per alert', async () => {
    const folder = temporaryFolder();
    const out = join(folder, 'out.jsonl');
    const result = await runCli(['batch', stormFile, '--out', out, '--no-cache']);
    expect(result.code).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(50);
  });

  it('prints a summary without progress when not a terminal', async () => {
    const folder = temporaryFolder();
    const result = await runCli(['batch', stormFile, '--out', join(folder, 'out.jsonl'), '--no-cache']);
    expect(result.stderr).toContain('Batch finished.');
    expect(result.stderr).toContain('50 explained, 0 failed');
    expect(result.stderr).toContain('cache hit rate 98.0%');
    expect(result.stderr).not.toMatch(/[\r\u001b]/);
  });

  it('prints nothing with --quiet', async () => {
    const folder = temporaryFolder();
    const result = await runCli(['batch', stormFile, '--out', join(folder, 'out.jsonl'), '--no-cache', '--quiet']);
    expect(result.stderr).toBe('');
  });

  it('writes to standard output with --out -', async () => {
    const result = await runCli(['batch', '-', '--out', '-', '--no-cache', '--quiet'], readFileSync(stormFile, 'utf8'));
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { position: { file: string } });
    expect(lines).toHaveLength(50);
    expect(lines[0]?.position.file).toBe('stdin');
  });

  it('refuses to overwrite an output file', async () => {
    const folder = temporaryFolder();
    const out = join(folder, 'out.jsonl');
    writeFileSync(out, '{"earlier":"run"}\n');
    const result = await runCli(['batch', stormFile, '--out', out, '--no-cache']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`ids-explain: ${out} already exists and is not empty. Pass --resume to continue the job that wrote it, or --force to replace it\n`);
    expect(readFileSync(out, 'utf8')).toBe('{"earlier":"run"}\n');
  });

  it('rejects --resume with --group', async () => {
    const folder = temporaryFolder();
    const result = await runCli(['batch', stormFile, '--out', join(folder, 'out.jsonl'), '--resume', '--group']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ids-explain: --resume cannot be combined with --group/);
  });

  it('rejects a missing input with one line', async () => {
    const folder = temporaryFolder();
    const result = await runCli(['batch', join(folder, 'missing.jsonl'), '--out', join(folder, 'out.jsonl')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`ids-explain: cannot read ${join(folder, 'missing.jsonl')}: no such file or folder. Check the path\n`);
  });

  it('writes one group record with --group', async () => {
    const folder = temporaryFolder();
    const out = join(folder, 'groups.jsonl');
    await runCli(['batch', stormFile, '--out', out, '--group', '--no-cache', '--quiet']);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ status: 'group', count: 50, firstSeen: '2026-03-15T02:00:03.565Z', lastSeen: '2026-03-15T02:05:46.615Z' });
  });

  it('states the count and window in the group explanation', async () => {
    const folder = temporaryFolder();
    const out = join(folder, 'groups.jsonl');
    await runCli(['batch', stormFile, '--out', out, '--group', '--no-cache', '--quiet']);
    const summary = JSON.parse(readFileSync(out, 'utf8').trim()).explanation.interpretation.summary as string;
    expect(summary).toContain('The sensor raised this alert 50 times between 2026-03-15 02:00:03 UTC and 2026-03-15 02:05:46 UTC (5 min 43 s).');
    expect(summary).not.toMatch(/It happened on/);
  });

  it('writes the report', async () => {
    const folder = temporaryFolder();
    const report = join(folder, 'report.md');
    await runCli(['batch', stormFile, '--out', join(folder, 'out.jsonl'), '--report', report, '--no-cache', '--quiet']);
    const text = readFileSync(report, 'utf8');
    expect(text).toMatch(/^# Alert batch report\n/);
    expect(text).toContain('- Alerts explained: 50');
    expect(text).toContain('- Fingerprint groups: 1');
    expect(text).toMatch(/\| T1110\.001 \| \[Brute Force: Password Guessing\]\(https:\/\/attack\.mitre\.org\/techniques\/T1110\/001\/\) \| Credential Access \| 50 \|/);
    expect(text).toContain('### 1. ET SCAN Repeated inbound RDP connection attempts from one host (possible password guessing) (50 alerts)');
    expect(text).toContain('50 alerts between 2026-03-15 02:00:03 UTC and 2026-03-15 02:05:46 UTC (5 min 43 s).');
    expect(text.match(/^#### Alert explanation$/gm)).toHaveLength(1);
  });

  it('writes the Navigator layer', async () => {
    const folder = temporaryFolder();
    const layerPath = join(folder, 'layer.json');
    await runCli(['batch', stormFile, '--out', join(folder, 'out.jsonl'), '--navigator', layerPath, '--no-cache', '--quiet']);
    const layer = JSON.parse(readFileSync(layerPath, 'utf8')) as { versions: { layer: string }; domain: string; techniques: { techniqueID: string; score: number }[] };
    expect(layer.versions.layer).toBe('4.5');
    expect(layer.domain).toBe('enterprise-attack');
    expect(layer.techniques.find((technique) => technique.techniqueID === 'T1110.001')?.score).toBe(50);
  });

  it('rejects a report path under a file before the job', async () => {
    const folder = temporaryFolder();
    const blocker = join(folder, 'not-a-folder');
    writeFileSync(blocker, '');
    const out = join(folder, 'out.jsonl');
    const result = await runCli(['batch', stormFile, '--out', out, '--report', join(blocker, 'report.md'), '--no-cache', '--quiet']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^ids-explain: cannot write --report ${blocker}/report\\.md: .+\\. Pass a --report path in a folder you can write to\\n$`));
    expect(existsSync(out)).toBe(false);
  });

  it('rejects an unknown --input-format before the job', async () => {
    const folder = temporaryFolder();
    const out = join(folder, 'out.jsonl');
    const result = await runCli(['batch', stormFile, '--out', out, '--input-format', 'eve', '--no-cache', '--quiet']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ids-explain: invalid --input-format "eve"\. Use one of: auto, syslog, suricata-eve, /);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects a Navigator path that is a folder', async () => {
    const folder = temporaryFolder();
    const result = await runCli(['batch', stormFile, '--out', join(folder, 'out.jsonl'), '--navigator', folder, '--no-cache', '--quiet']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`ids-explain: cannot write --navigator ${folder}: it is a folder. Pass a --navigator path in a folder you can write to\n`);
  });

  it('hits the cache on a second run', async () => {
    const folder = temporaryFolder();
    const cache = join(folder, 'cache.sqlite');
    await runCli(['batch', stormFile, '--out', join(folder, 'first.jsonl'), '--cache', cache, '--quiet']);
    const second = await runCli(['batch', stormFile, '--out', join(folder, 'second.jsonl'), '--cache', cache]);
    expect(second.stderr).toContain('cache 50 (cache hit rate 100.0%)');
    expect(second.stderr).toContain('backend calls (offline): 0');
  });
});

describe('ids-explain cache', () => {
  it('clears the cached explanations', async () => {
    const folder = temporaryFolder();
    const cache = join(folder, 'cache.sqlite');
    await runCli(['batch', stormFile, '--out', join(folder, 'out.jsonl'), '--cache', cache, '--quiet']);
    expect((await runCli(['cache', 'info', '--cache', cache])).stdout).toMatch(new RegExp(`^${cache}: 1 cached explanation, \\d+\\.\\d MB\\n$`));
    expect((await runCli(['cache', 'clear', '--cache', cache])).stdout).toBe(`removed 1 cached explanation from ${cache}\n`);
    expect((await runCli(['cache', 'info', '--cache', cache])).stdout).toMatch(/: 0 cached explanations, 0\.0 MB\n$/);
  });

  it('clears a cache that does not exist yet', async () => {
    const cache = join(temporaryFolder(), 'none.sqlite');
    expect((await runCli(['cache', 'clear', '--cache', cache])).stdout).toBe(`removed 0 cached explanations from ${cache}\n`);
    expect(existsSync(cache)).toBe(false);
  });
});
