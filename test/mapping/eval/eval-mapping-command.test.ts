import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { realAttackPath, repositoryRoot } from '../../support/real-attack.js';

const run = promisify(execFile);
const main = join(repositoryRoot, 'dist', 'cli', 'main.js');

/**
 * Writes the first rules of the shared Sigma evaluation set to a temporary file. The set is
 * read in place and never copied into the repository.
 */
function sigmaSlice(count: number): string {
  const path = process.env.IDS_EXPLAIN_TEST_EVAL ?? resolve(repositoryRoot, '../shared/eval/sigma-rules.jsonl');
  if (!existsSync(path)) throw new Error(`Sigma evaluation set not found at ${path}; set IDS_EXPLAIN_TEST_EVAL`);
  const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const slice = join(mkdtempSync(join(tmpdir(), 'ids-explain-eval-')), 'slice.jsonl');
  // Every 40th rule spreads the slice over the whole set instead of one folder of it.
  writeFileSync(slice, `${lines.filter((_, position) => position % 40 === 0).slice(0, count).join('\n')}\n`);
  return slice;
}

async function evalMapping(...args: string[]) {
  return run(process.execPath, [main, 'eval', 'mapping', '--attack', realAttackPath(), ...args], { env: process.env, maxBuffer: 16 * 1024 * 1024 });
}

describe('ids-explain eval mapping', () => {
  it('prints the metrics as one JSON object', async () => {
    const { stdout } = await evalMapping('--set', sigmaSlice(60), '--json');
    const report = JSON.parse(stdout);
    for (const key of ['n', 'skipped', 'exactF1', 'parentF1', 'hierarchicalF1', 'parentRecallAt5', 'parentRecallAt10']) {
      expect(typeof report[key], key).toBe('number');
    }
    expect(report.n + report.skipped).toBe(60);
    expect(report.mode).toBe('knowledge-only');
    expect(report.worstMisses.length).toBeGreaterThan(0);
    expect(report.worstMisses[0]).toEqual(expect.objectContaining({ title: expect.any(String), gold: expect.any(Array), predicted: expect.any(Array) }));
    expect(report.perTactic.length).toBeGreaterThan(0);
    expect(report.reliability).toHaveLength(10);
  });

  it('cross-validates examples from the same corpus', async () => {
    const slice = sigmaSlice(60);
    const { stdout } = await evalMapping('--set', slice, '--examples', slice, '--folds', '3', '--json');
    const report = JSON.parse(stdout);
    expect(report.mode).toBe('grouped-cross-validation');
    expect(report.folds).toBe(3);
    expect(report.groups).toBeGreaterThan(0);
  });

  it('prints a text report by default', async () => {
    const { stdout } = await evalMapping('--set', sigmaSlice(20));
    expect(stdout).toMatch(/^Technique mapping on \d+ rules, ATT&CK knowledge and lexicon only/);
    expect(stdout).toMatch(/hierarchical\s+\d/);
    expect(stdout).toMatch(/Worst misses:/);
  });

  it('exits with code 1 below a threshold', async () => {
    const failure = await evalMapping('--set', sigmaSlice(20), '--min-hierarchical-f1', '1').catch((error: { code: number; stderr: string }) => error);
    expect(failure).toEqual(expect.objectContaining({ code: 1, stderr: expect.stringMatching(/^ids-explain: mapping accuracy below threshold: hierarchical F1 [\d.]+ is below 1\n$/) }));
  });

  it('rejects an invalid threshold with code 2', async () => {
    const failure = await evalMapping('--set', sigmaSlice(5), '--min-parent-recall-at-5', '1.5').catch((error: { code: number; stderr: string }) => error);
    expect(failure).toEqual(expect.objectContaining({ code: 2, stderr: 'ids-explain: invalid --min-parent-recall-at-5 "1.5". Use a number from 0 to 1, such as 0.45\n' }));
  });

  it('scores the two splits on disjoint rules', async () => {
    const slice = sigmaSlice(60);
    const dev = JSON.parse((await evalMapping('--set', slice, '--split', 'dev', '--json')).stdout);
    const test = JSON.parse((await evalMapping('--set', slice, '--split', 'test', '--json')).stdout);
    expect(dev.n + dev.skipped + test.n + test.skipped).toBe(60);
  });

  it('rejects an unknown split with code 2', async () => {
    const failure = await evalMapping('--set', sigmaSlice(5), '--split', 'train').catch((error: { code: number; stderr: string }) => error);
    expect(failure).toEqual(expect.objectContaining({ code: 2, stderr: 'ids-explain: invalid --split "train". Use --split dev or --split test, or leave it out to score every rule\n' }));
  });

  it('rejects a set file with a bad line', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ids-explain-eval-')), 'bad.jsonl');
    writeFileSync(path, '{"id":"a","title":"T","techniques":["T1059"]}\nnot json\n');
    const failure = await evalMapping('--set', path).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toEqual(expect.objectContaining({ code: 2, stderr: expect.stringContaining('bad.jsonl line 2: invalid JSON') }));
  });
});
