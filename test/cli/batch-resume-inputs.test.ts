import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realAttackPath, repositoryRoot } from '../support/real-attack.js';
import { runCli as runBuiltCli } from '../support/run-cli.js';

const stormFile = join(repositoryRoot, 'fixtures/batch/18-duplicate-burst-rdp.jsonl');
const stormLines = readFileSync(stormFile, 'utf8').trim().split('\n');

function runCli(args: string[], input?: string) {
  return runBuiltCli(args, { env: { IDS_EXPLAIN_ATTACK: realAttackPath() }, ...(input !== undefined ? { input } : {}) });
}

function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'ids-explain-resume-inputs-'));
}

/** Keeps the first `count` lines of an output file, as if the run had been killed there. */
function cutOutput(path: string, count: number): void {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  writeFileSync(path, `${lines.slice(0, count).join('\n')}\n`);
}

function positionsOf(path: string): string[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.stringify((JSON.parse(line) as { position: unknown }).position))
    .sort();
}

describe('ids-explain batch --resume with other inputs', () => {
  it('rejects another job output', async () => {
    const folder = temporaryFolder();
    const first = join(folder, 'a.jsonl');
    const second = join(folder, 'b.jsonl');
    const out = join(folder, 'out.jsonl');
    writeFileSync(first, `${stormLines.slice(0, 5).join('\n')}\n`);
    writeFileSync(second, `${stormLines.slice(5, 8).join('\n')}\n`);
    await runCli(['batch', first, '--out', out, '--no-cache', '--quiet']);
    const before = readFileSync(out, 'utf8');
    const result = await runCli(['batch', second, '--out', out, '--resume', '--no-cache', '--quiet']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `ids-explain: ${out} contains the output of another job: 5 records from ${first}, which is not an input of this run, so --resume would mix the two. ` +
        `Pass --out a new file for this job, or drop --resume and pass --force to start ${out} over\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe(before);
  });

  it('rejects stdin output for files', async () => {
    const folder = temporaryFolder();
    const out = join(folder, 'out.jsonl');
    await runCli(['batch', '-', '--out', out, '--no-cache', '--quiet'], `${stormLines.slice(0, 3).join('\n')}\n`);
    const result = await runCli(['batch', stormFile, '--out', out, '--resume', '--no-cache', '--quiet']);
    expect(result.stderr).toContain('3 records from stdin, which is not an input of this run');
  });

  it('resumes a job read from standard input', async () => {
    const folder = temporaryFolder();
    const out = join(folder, 'out.jsonl');
    const input = `${stormLines.join('\n')}\n`;
    await runCli(['batch', '-', '--out', out, '--no-cache', '--quiet'], input);
    cutOutput(out, 20);
    const result = await runCli(['batch', '-', '--out', out, '--resume', '--no-cache', '--quiet'], input);
    expect(result.code).toBe(0);
    expect(positionsOf(out)).toEqual(stormLines.map((_, line) => JSON.stringify({ file: 'stdin', line: line + 1 })).sort());
  });

  it('resumes a job over a folder', async () => {
    const folder = temporaryFolder();
    const alerts = join(folder, 'alerts');
    mkdirSync(join(alerts, 'day-2'), { recursive: true });
    copyFileSync(stormFile, join(alerts, 'day-1.jsonl'));
    copyFileSync(stormFile, join(alerts, 'day-2', 'storm.jsonl'));
    const out = join(folder, 'out.jsonl');
    await runCli(['batch', alerts, '--out', out, '--no-cache', '--quiet']);
    const complete = positionsOf(out);
    cutOutput(out, 70);
    const result = await runCli(['batch', alerts, '--out', out, '--resume', '--no-cache', '--quiet']);
    expect(result.code).toBe(0);
    expect(positionsOf(out)).toEqual(complete);
  });
});
