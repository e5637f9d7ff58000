import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerFromPrompt } from '../support/model-answers.js';
import { useOpenAiCompatibleServer, type Responder } from '../support/openai-compatible-server.js';
import { realAttackPath } from '../support/real-attack.js';
import { startCli } from '../support/start-cli.js';
import { waitFor } from '../support/wait-for.js';

const alertCount = 40;
const slowMs = 1500;
let delayMs = slowMs;
let rateLimited = false;
const answer: Responder = (request) =>
  rateLimited ? { status: 429, headers: { 'retry-after': '30' } } : { content: JSON.stringify(answerFromPrompt(request.body)), delayMs };
const testServer = useOpenAiCompatibleServer({ responder: answer });

function queueFile(describe = (index: number) => `Suspicious PowerShell download cradle variant ${index % 20}`): string {
  const folder = mkdtempSync(join(tmpdir(), 'ids-explain-batch-'));
  const lines = Array.from({ length: alertCount }, (_, index) => JSON.stringify({ description: describe(index), src_ip: '192.0.2.4', dest_ip: '10.2.2.10' }));
  const file = join(folder, 'queue.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function startBatch(args: string[]) {
  const env = { IDS_EXPLAIN_ATTACK: realAttackPath(), IDS_EXPLAIN_MODEL: '', IDS_EXPLAIN_BACKEND: '', OPENAI_BASE_URL: '', OPENAI_API_KEY: 'sk-test' };
  return startCli(['batch', '--quiet', ...args], env);
}

/** Sends SIGINT to a running batch and returns its result and how many ms it took to exit. */
async function interrupt(child: ReturnType<typeof startBatch>) {
  const signalledAt = Date.now();
  child.kill('SIGINT');
  const stopped = await child.result;
  return { stopped, exitMs: Date.now() - signalledAt };
}

describe('ids-explain batch interrupted during model calls', () => {
  it('stops without waiting for queued calls', async () => {
    const queue = queueFile();
    const out = join(mkdtempSync(join(tmpdir(), 'ids-explain-batch-out-')), 'out.jsonl');
    const modelArgs = ['--model', 'test-model', '--base-url', testServer().baseUrl, '--concurrency', '2', '--out', out];
    const child = startBatch([queue, ...modelArgs]);
    await waitFor('the first model request arrives', async () => testServer().chatRequests().length > 0, 30_000);

    const { stopped, exitMs } = await interrupt(child);

    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('--resume');
    // Twenty fingerprints, two calls of 1.5 s at a time, would take 15 s. The calls in flight end within 1.5 s.
    expect(exitMs).toBeLessThan(8_000);

    delayMs = 0;
    const resumed = await startBatch([queue, ...modelArgs, '--resume']).result;

    expect(resumed.code).toBe(0);
    const records = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { position: { line: number }; status: string });
    expect(records).toHaveLength(alertCount);
    expect(new Set(records.map((record) => record.position.line)).size).toBe(alertCount);
    expect(records.every((record) => record.status === 'explained')).toBe(true);
  });

  it('stops without waiting for a retry', async () => {
    // Letters, unlike digits, give each alert a fingerprint of its own.
    const queue = queueFile((index) => `Suspicious PowerShell download cradle from workstation ${String.fromCharCode(97 + index)}`);
    const out = join(mkdtempSync(join(tmpdir(), 'ids-explain-batch-out-')), 'out.jsonl');
    // Without --no-cache, the templates that the test above cached would need no request.
    const modelArgs = ['--model', 'test-model', '--base-url', testServer().baseUrl, '--concurrency', '1', '--out', out, '--no-cache'];
    rateLimited = true;
    const earlier = testServer().chatRequests().length;
    const child = startBatch([queue, ...modelArgs]);
    await waitFor('the first model request arrives', async () => testServer().chatRequests().length > earlier, 30_000);

    const { stopped, exitMs } = await interrupt(child);

    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('--resume');
    // Waiting out the server's Retry-After of 30 s, three times, would take 90 s.
    expect(exitMs).toBeLessThan(8_000);

    rateLimited = false;
    delayMs = 0;
    const resumed = await startBatch([queue, ...modelArgs, '--resume']).result;

    expect(resumed.code).toBe(0);
    const records = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { status: string });
    expect(records).toHaveLength(alertCount);
    expect(records.every((record) => record.status === 'explained')).toBe(true);
  }, 120_000);
});
