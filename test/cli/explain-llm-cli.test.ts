import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useOpenAiCompatibleServer } from '../support/openai-compatible-server.js';
import { realAttackPath, repositoryRoot } from '../support/real-attack.js';

const run = promisify(execFile);
const key = 'sk-cli-test-91b2c3d4e5f6a7b8';
const alertFile = join(repositoryRoot, 'fixtures/alerts/atsvc-remote-task.txt');

async function explain(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}) {
  const env = {
    ...process.env,
    IDS_EXPLAIN_ATTACK: realAttackPath(),
    IDS_EXPLAIN_MODEL: '',
    IDS_EXPLAIN_BACKEND: '',
    OPENAI_BASE_URL: '',
    OPENAI_API_KEY: key,
    ...options.env,
  };
  try {
    const { stdout, stderr } = await run(process.execPath, [join(repositoryRoot, 'dist/cli/main.js'), 'explain', ...args], { cwd: options.cwd ?? repositoryRoot, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const testServer = useOpenAiCompatibleServer();

describe('ids-explain explain with a model', () => {
  it('uses the model named by --model', async () => {
    const result = await explain(['--model', 'test-model', '--base-url', testServer().baseUrl, '--format', 'json', alertFile]);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).metadata).toMatchObject({ backend: 'openai', model: 'test-model', promptVersion: 'analysis-v1' });
    expect(testServer().chatRequests().at(-1)!.headers.authorization).toBe(`Bearer ${key}`);
  });

  it('reads the model and server from .env', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ids-explain-cli-'));
    writeFileSync(join(folder, '.env'), `IDS_EXPLAIN_MODEL=env-file-model\nOPENAI_BASE_URL=${testServer().baseUrl}\n`);
    const result = await explain(['--format', 'json', alertFile], { cwd: folder, env: { IDS_EXPLAIN_MODEL: '', OPENAI_BASE_URL: '' } });

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).metadata.model).toBe('env-file-model');
  });

  it('prints one line without the key for a rejected key', async () => {
    testServer().enqueue({ status: 401, body: { error: { message: `Incorrect API key provided: ${key}.` } } });
    const result = await explain(['--model', 'test-model', '--base-url', testServer().baseUrl, alertFile]);

    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^ids-explain: model request to 127\.0\.0\.1:\d+ for alert 6afe89db3047e504 failed after 1 attempt: 401/);
    expect(result.stderr + result.stdout).not.toContain(key);
  });

  it('keeps the key out of debug logs', async () => {
    const result = await explain(['--model', 'test-model', '--base-url', testServer().baseUrl, '--log-level', 'debug', alertFile]);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain('sending the draft request');
    expect(result.stderr + result.stdout).not.toContain(key);
  });

  it('rejects an invalid flag value', async () => {
    const result = await explain(['--model', 'test-model', '--temperature', 'hot', alertFile]);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ids-explain: invalid --temperature "hot": expected a number from 0 to 2. Pass a valid value, or leave the flag out to use IDS_EXPLAIN_TEMPERATURE or the default\n');
  });

  it('asks for a model for the openai backend', async () => {
    const result = await explain(['--backend', 'openai', alertFile]);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ids-explain: no model configured for --backend openai. Pass --model NAME or set IDS_EXPLAIN_MODEL\n');
  });

  it('explains from a recording with --backend replay', async () => {
    const result = await explain(['--backend', 'replay', alertFile]);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('backend replay (hand-written)');
  });
});
