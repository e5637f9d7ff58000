import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tinyAttack } from '../support/eval-builders.js';
import { writeEvalSuite } from '../support/eval-suite-folder.js';
import { repositoryRoot } from '../support/real-attack.js';

function runCli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(repositoryRoot, 'dist/cli/main.js'), 'eval', 'explanations', '--attack', tinyAttack().path, ...args], {
    encoding: 'utf8',
    env: { ...process.env, IDS_EXPLAIN_ATTACK: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ids-explain eval explanations', () => {
  it('writes reports and exits 0 above thresholds', () => {
    const suite = writeEvalSuite('{ offline: { schema: { passRate: 0.6 } } }');
    const json = join(dirname(suite), 'report.json');
    const markdown = join(dirname(suite), 'report.md');
    const result = runCli('--suite', suite, '--json', json, '--report', markdown);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('All 1 thresholds of the "offline" set are met.');
    expect(JSON.parse(readFileSync(json, 'utf8')).cases).toHaveLength(4);
    expect(readFileSync(markdown, 'utf8')).toContain('## Failures');
  });

  it('exits 1 below thresholds', () => {
    const result = runCli('--suite', writeEvalSuite('{ offline: { all: { passRate: 1 } } }'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/scored below its "offline" thresholds: all passRate 0\.\d+ < 1/);
  });

  it('rescores its own recorded explanations', () => {
    const suite = writeEvalSuite();
    const recorded = join(dirname(suite), 'recorded.jsonl');
    expect(runCli('--suite', suite, '--write-explanations', recorded).code).toBe(0);
    const lines = readFileSync(recorded, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => `${line.id}:${line.variant ?? 'main'}`)).toEqual(['reference:main', 'hostile:main', 'hostile:baseline']);
    const rescored = runCli('--suite', suite, '--explanations', recorded);
    expect(rescored.stdout).toContain('explanations from');
  });

  it('rejects recorded explanations with unknown ids', () => {
    const suite = writeEvalSuite();
    const recorded = join(dirname(suite), 'typo.jsonl');
    writeFileSync(recorded, '{"id":"referense","interpretation":{"summary":"x"}}\n');
    const result = runCli('--suite', suite, '--explanations', recorded);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${recorded}: no case in suite ${suite} has the id "referense"`);
  });

  it('rejects an empty explanations file', () => {
    const suite = writeEvalSuite();
    const recorded = join(dirname(suite), 'empty.jsonl');
    writeFileSync(recorded, '');
    const result = runCli('--suite', suite, '--explanations', recorded);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${recorded} has no explanations`);
  });

  it('rejects a --json path that is a folder', () => {
    const suite = writeEvalSuite();
    const result = runCli('--suite', suite, '--json', dirname(suite));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`ids-explain: cannot write --json ${dirname(suite)}: it is a folder. Pass a --json path in a folder you can write to\n`);
  });

  it('rejects --backend with --explanations', () => {
    const result = runCli('--suite', writeEvalSuite(), '--backend', 'offline', '--explanations', 'x.jsonl');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ids-explain: --backend and --explanations cannot be used together. Use --backend to explain the alerts now, or --explanations to score recorded explanations\n');
  });

  it('rejects an unknown backend', () => {
    const result = runCli('--suite', writeEvalSuite(), '--backend', 'nope');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown --backend "nope"');
  });

  it('skips the judge without a model', () => {
    const suite = writeEvalSuite();
    const json = join(dirname(suite), 'judge.json');
    const result = spawnSync(process.execPath, [join(repositoryRoot, 'dist/cli/main.js'), 'eval', 'explanations', '--attack', tinyAttack().path, '--suite', suite, '--judge', '--json', json], {
      encoding: 'utf8',
      env: { ...process.env, IDS_EXPLAIN_MODEL: '', IDS_EXPLAIN_JUDGE_MODEL: '' },
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('judge skipped: no model configured');
    expect(existsSync(json)).toBe(true);
    expect(JSON.parse(readFileSync(json, 'utf8')).judge.status).toBe('skipped');
  });
});
