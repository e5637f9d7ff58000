import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
// @ts-expect-error the benchmark generator is plain JavaScript without type declarations
import { generateAlerts } from '../../bench/generate-alerts.mjs';
import { realAttackPath } from '../support/real-attack.js';
import { runCli } from '../support/run-cli.js';
import { startCli } from '../support/start-cli.js';

/** Small seeded generator, so that a failing round can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function sizeOf(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

/** Polls a condition every 20 ms until it holds or the time runs out. */
async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await sleep(20);
}

describe('ids-explain batch --resume', () => {
  it('finishes exactly once after repeated kills', { timeout: 300_000 }, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ids-explain-resume-'));
    const input = join(folder, 'queue.jsonl');
    const out = join(folder, 'out.jsonl');
    const cache = join(folder, 'cache.sqlite');
    // Each round is killed within 0.8 s of its first new output line, so twelve rounds cover
    // far less than this many alerts even at twice the measured throughput.
    const alertCount = 80_000;
    await generateAlerts({ alerts: alertCount, rules: 300, seed: 11, out: input });
    const args = ['batch', input, '--out', out, '--cache', cache, '--resume', '--quiet'];
    const env = { IDS_EXPLAIN_ATTACK: realAttackPath() };
    const random = seededRandom(20260315);
    // Builds the cached ATT&CK and search indexes first: a process killed while building them
    // would never start on the alerts.
    const warmUp = await runCli(['batch', '-', '--out', join(folder, 'warm-up.jsonl'), '--no-cache', '--quiet'], { input: 'Description: warm-up alert\n', env });
    expect(warmUp.code).toBe(0);

    const lineCount = () => (existsSync(out) ? readFileSync(out, 'utf8').split('\n').length - 1 : 0);
    let kills = 0;
    let roundsWithProgress = 0;
    for (let round = 0; round < 40 && kills < 12; round += 1) {
      const before = lineCount();
      const sizeBefore = sizeOf(out);
      const child = startCli(args, env);
      // Waiting for output makes every kill land in the middle of work, however slowly the
      // process starts on a loaded machine.
      await waitFor(() => sizeOf(out) > sizeBefore, 60_000);
      await sleep(Math.floor(random() * 800));
      child.kill('SIGKILL');
      const result = await child.result;
      if (result.signal !== 'SIGKILL') break;
      kills += 1;
      if (lineCount() > before) roundsWithProgress += 1;
    }
    const doneBeforeLastRun = lineCount();
    const final = await runCli(args, { env });

    expect(kills).toBeGreaterThanOrEqual(10);
    expect(roundsWithProgress).toBeGreaterThanOrEqual(10);
    expect(doneBeforeLastRun).toBeLessThan(alertCount);
    expect(final.code).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(alertCount);
    const seen = new Set(lines.map((line) => (JSON.parse(line) as { position: { line: number } }).position.line));
    expect(seen.size).toBe(alertCount);
    expect(Math.min(...seen)).toBe(1);
    expect(Math.max(...seen)).toBe(alertCount);
  });
});
