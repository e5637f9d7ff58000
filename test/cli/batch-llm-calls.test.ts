import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerFromPrompt } from '../support/model-answers.js';
import { useOpenAiCompatibleServer, type ReceivedRequest, type ScriptedReply } from '../support/openai-compatible-server.js';
import { realAttackPath } from '../support/real-attack.js';
import { runCli } from '../support/run-cli.js';

const descriptions = [
  'Detects remote task creation via at.exe or API interacting with ATSVC namedpipe',
  'Multiple failed logon attempts for one account over RDP',
  'Suspicious PowerShell download cradle',
  'Outbound connection to a known command and control server',
];

const valid = (request: ReceivedRequest): ScriptedReply => ({ content: JSON.stringify(answerFromPrompt(request.body)) });

/**
 * Replies in request order, which is alert order at concurrency 1. The first alert's request
 * fails with a 500 and its retry succeeds. The second alert's response is not JSON and its
 * repair succeeds. The third stops at the output limit, and the fourth succeeds at once.
 */
const script: ((request: ReceivedRequest) => ScriptedReply)[] = [
  () => ({ status: 500, body: { error: { message: 'upstream overloaded' } } }),
  valid,
  () => ({ content: 'Sure! Here is the explanation you asked for.' }),
  valid,
  () => ({ content: '{"interpretation":{"summary":"The', finishReason: 'length' }),
  valid,
];

const server = useOpenAiCompatibleServer({ clearRequests: true });

describe('ids-explain batch LLM call counts', () => {
  it('counts failed, retried and repair requests', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ids-explain-llm-calls-'));
    const queue = join(folder, 'queue.jsonl');
    const report = join(folder, 'report.md');
    writeFileSync(queue, `${descriptions.map((description) => JSON.stringify({ description, src_ip: '192.0.2.4', dest_ip: '10.2.2.10' })).join('\n')}\n`);
    let next = 0;
    server().setResponder((request) => (script[next++] ?? valid)(request));

    const args = ['batch', queue, '--out', join(folder, 'out.jsonl'), '--no-cache', '--concurrency', '1', '--report', report];
    const llm = ['--model', 'test-model', '--base-url', server().baseUrl, '--retries', '1', '--max-output-tokens', '1000'];
    const env = { IDS_EXPLAIN_ATTACK: realAttackPath(), IDS_EXPLAIN_MODEL: '', IDS_EXPLAIN_BACKEND: '', OPENAI_BASE_URL: '', OPENAI_API_KEY: 'sk-test-calls' };
    const result = await runCli([...args, ...llm], { env });

    expect(result.code).toBe(0);
    expect(server().chatRequests()).toHaveLength(6);
    expect(result.stderr).toContain('alerts: 4 in this run (3 explained, 1 failed)');
    expect(result.stderr).toContain('LLM calls (openai): 6 sent (4 succeeded, 2 failed; 1 retry, 1 repair request), 3 drafts, tokens');
    expect(readFileSync(report, 'utf8')).toContain('- Requests to the model: 6 sent (4 succeeded, 2 failed; 1 retry, 1 repair request)');
  });
});
