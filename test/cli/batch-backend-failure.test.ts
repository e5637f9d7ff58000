import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerFromPrompt } from '../support/model-answers.js';
import { useOpenAiCompatibleServer, type Responder } from '../support/openai-compatible-server.js';
import { realAttackPath } from '../support/real-attack.js';
import { runCli } from '../support/run-cli.js';

const key = 'sk-batch-test-4f1e2d3c4b5a6978';
const alertCount = 40;

const descriptions = [
  'Detects remote task creation via at.exe or API interacting with ATSVC namedpipe',
  'Multiple failed logon attempts for one account over RDP',
  'Suspicious PowerShell download cradle',
  'Possible SQL injection attempt UNION SELECT',
  'Outbound connection to a known command and control server',
];

function queueFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ids-explain-batch-'));
  const lines = Array.from({ length: alertCount }, (_, index) =>
    JSON.stringify({ description: `${descriptions[index % descriptions.length]} (rule ${index % 20})`, src_ip: '192.0.2.4', dest_ip: '10.2.2.10' }),
  );
  const file = join(folder, 'queue.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function batch(args: string[]) {
  const env = { IDS_EXPLAIN_ATTACK: realAttackPath(), IDS_EXPLAIN_MODEL: '', IDS_EXPLAIN_BACKEND: '', OPENAI_BASE_URL: '', OPENAI_API_KEY: key };
  return runCli(['batch', '--quiet', ...args], { env });
}

const rejectKey: Responder = () => ({ status: 401, body: { error: { message: `Incorrect API key provided: ${key}.` } } });
const answer: Responder = (request) => ({ content: JSON.stringify(answerFromPrompt(request.body)) });
const testServer = useOpenAiCompatibleServer();

describe('ids-explain batch with a rejected model configuration', () => {
  it('stops at once and finishes on resume', async () => {
    const queue = queueFile();
    const out = join(mkdtempSync(join(tmpdir(), 'ids-explain-batch-out-')), 'out.jsonl');
    const modelArgs = ['--model', 'test-model', '--base-url', testServer().baseUrl, '--concurrency', '2', '--out', out];
    testServer().setResponder(rejectKey);

    const stopped = await batch([queue, ...modelArgs]);

    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toMatch(/^ids-explain: batch stopped: model request .* 401/);
    expect(stopped.stderr).toContain('rerun the same command with --resume');
    expect(stopped.stderr).not.toContain(key);
    expect(testServer().chatRequests().length).toBeLessThanOrEqual(4);

    testServer().setResponder(answer);
    const resumed = await batch([queue, ...modelArgs, '--resume']);

    expect(resumed.code).toBe(0);
    const records = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { position: { line: number }; status: string });
    expect(records).toHaveLength(alertCount);
    expect(new Set(records.map((record) => record.position.line)).size).toBe(alertCount);
    expect(records.every((record) => record.status === 'explained')).toBe(true);
  });
});
