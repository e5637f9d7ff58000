import { describe, expect, it } from 'vitest';
import { LlmRequestError } from '../../src/errors/llm-request-error.js';
import { createSharedBackoff } from '../../src/llm/shared-backoff.js';
import { honestAnswer, obeyingAnswer, readPrompt, type AnswerDraft } from '../support/model-answers.js';
import { useOpenAiCompatibleServer, type ReceivedRequest } from '../support/openai-compatible-server.js';
import { explainWith, readAlert, recordingLogger, testApiKey, testOpenAiBackend } from '../support/llm-harness.js';

const reference = 'fixtures/alerts/atsvc-remote-task.txt';
const server = useOpenAiCompatibleServer({ clearRequests: true });

/** Scripts one answer built from the request's own prompt, changed by `edit`. */
function answerWith(edit: (answer: AnswerDraft) => void) {
  return (request: ReceivedRequest) => {
    const answer = honestAnswer(readPrompt(request.body));
    edit(answer);
    return { content: JSON.stringify(answer) };
  };
}

describe('openai backend', () => {
  it('explains the reference alert from a valid answer', async () => {
    const explanation = await explainWith(readAlert(reference), await testOpenAiBackend(server()));

    expect(explanation.techniques.map((technique) => technique.id)).toEqual(['T1053.002']);
    expect(explanation.metadata.backend).toBe('openai');
    expect(explanation.metadata.model).toBe('test-model');
    expect(explanation.metadata.promptVersion).toBe('analysis-v1');
    expect(explanation.metadata.promptTokens).toBeGreaterThan(0);
    expect(explanation.metadata.completionTokens).toBeGreaterThan(0);
    expect(explanation.metadata.grounding).toBeUndefined();
  });

  it('sends the alert inside its data block', async () => {
    await explainWith(readAlert(reference), await testOpenAiBackend(server()));

    const [request] = server().chatRequests();
    const prompt = readPrompt(request!.body);
    expect(prompt.boundary).toMatch(/^[0-9a-f]{12}$/);
    expect(prompt.alertData.source).toEqual({ address: '192.0.2.4' });
    expect(prompt.alertData.description).toBe('Detects remote task creation via at.exe or API interacting with ATSVC namedpipe');
    expect(prompt.excerpts[0]?.id).toBe('T1053.002');
    expect(request!.body.response_format.type).toBe('json_schema');
    expect(request!.body.temperature).toBe(0);
  });

  it('reads a streamed answer with its usage', async () => {
    const explanation = await explainWith(readAlert(reference), await testOpenAiBackend(server(), { stream: true }));

    const [request] = server().chatRequests();
    expect(request!.body.stream).toBe(true);
    expect(request!.body.stream_options).toEqual({ include_usage: true });
    expect(explanation.techniques.map((technique) => technique.id)).toEqual(['T1053.002']);
    expect(explanation.metadata.completionTokens).toBeGreaterThan(0);
  });

  it('waits for Retry-After after a 429', async () => {
    server().enqueue({ status: 429, headers: { 'retry-after': '1' } });
    const { logger, lines } = recordingLogger();
    const started = Date.now();
    const explanation = await explainWith(readAlert(reference), await testOpenAiBackend(server()), logger);

    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server().chatRequests()).toHaveLength(2);
    expect(explanation.techniques.map((technique) => technique.id)).toEqual(['T1053.002']);
    expect(lines.some((line) => line.startsWith('warn:') && line.includes('429') && line.includes('retrying in 1000 ms'))).toBe(true);
  });

  it('retries a 500 answer', async () => {
    server().enqueue({ status: 500 }, { status: 503 });
    const explanation = await explainWith(readAlert(reference), await testOpenAiBackend(server()));

    expect(server().chatRequests()).toHaveLength(3);
    expect(explanation.metadata.fallbackReason).toBeUndefined();
  });

  it('fails after the last retry', async () => {
    server().enqueue({ status: 500 }, { status: 500 }, { status: 500 });
    const backend = await testOpenAiBackend(server());

    const error = await explainWith(readAlert(reference), backend).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LlmRequestError);
    expect((error as LlmRequestError).message).toMatch(/failed after 3 attempts: 500/);
    expect(server().chatRequests()).toHaveLength(3);
  });

  it('does not retry a 401 answer', async () => {
    server().enqueue({ status: 401, body: { error: { message: `Incorrect API key provided: ${testApiKey}` } } });
    const { logger, lines } = recordingLogger();

    const error = (await explainWith(readAlert(reference), await testOpenAiBackend(server()), logger).catch((caught: unknown) => caught)) as LlmRequestError;
    expect(error).toBeInstanceOf(LlmRequestError);
    expect(error.exitCode).toBe(2);
    expect(server().chatRequests()).toHaveLength(1);
    expect(error.message).not.toContain(testApiKey);
    expect(error.message).toContain('[redacted]');
    expect(lines.join('')).not.toContain(testApiKey);
  });

  it('retries a request that times out', async () => {
    server().enqueue({ hang: true });
    const explanation = await explainWith(readAlert(reference), await testOpenAiBackend(server(), { timeoutMs: 300 }));

    expect(server().chatRequests()).toHaveLength(2);
    expect(explanation.techniques).toHaveLength(1);
  });

  it('times out a stream that stalls after its headers', async () => {
    server().enqueue({ stallAfterHeaders: true });
    const explanation = await explainWith(readAlert(reference), await testOpenAiBackend(server(), { timeoutMs: 300, stream: true }));

    expect(server().chatRequests()).toHaveLength(2);
    expect(explanation.techniques).toHaveLength(1);
  });

  it('repairs an answer that is not JSON', async () => {
    server().enqueue({ content: 'Sure! Here is the explanation you asked for: the alert shows a remote task.' });
    const explanation = await explainWith(readAlert(reference), await testOpenAiBackend(server()));

    const [, repair] = server().chatRequests();
    const last = repair!.body.messages.at(-1);
    expect(last.role).toBe('user');
    expect(last.content).toContain('the response is not valid JSON');
    expect(repair!.body.messages.at(-2)).toEqual({ role: 'assistant', content: 'Sure! Here is the explanation you asked for: the alert shows a remote task.' });
    expect(explanation.metadata.fallbackReason).toBeUndefined();
    expect(explanation.techniques.map((technique) => technique.id)).toEqual(['T1053.002']);
  });

  it('quotes schema violations in the repair request', async () => {
    server().setResponder(answerWith((answer) => {
      (answer as { impact?: unknown }).impact = undefined;
      answer.mitigations.immediate = [];
    }));
    try {
      const explanation = await explainWith(readAlert(reference), await testOpenAiBackend(server()));

      const [, repair] = server().chatRequests();
      const errors = repair!.body.messages.at(-1).content;
      expect(errors).toContain('impact: ');
      expect(errors).toContain('mitigations.immediate: ');
      expect(explanation.metadata.fallbackReason).toMatch(/failed validation twice/);
      expect(explanation.metadata.backend).toBe('openai');
      expect(explanation.interpretation.summary).toContain('A security sensor flagged activity from 192.0.2.4 to 10.2.2.10');
    } finally {
      server().setResponder((request) => ({ content: JSON.stringify(honestAnswer(readPrompt(request.body))) }));
    }
  });

  it('removes a hallucinated technique ID', async () => {
    server().setResponder(answerWith((answer) => {
      answer.techniques.push({ ...answer.techniques[0]!, id: 'T1059.001', name: 'PowerShell', explanation: 'According to MITRE ATT&CK, T1059.001 (PowerShell) is used here.' });
      answer.interpretation.summary += ' The attacker also used T1486 to encrypt files.';
    }));
    try {
      const explanation = await explainWith(readAlert(reference), await testOpenAiBackend(server()));

      expect(explanation.techniques.map((technique) => technique.id)).toEqual(['T1053.002']);
      expect(explanation.interpretation.summary).not.toContain('T1486');
      expect(explanation.metadata.grounding).toContain('removed technique T1059.001: neither the mapper nor the alert proposed it');
      expect(explanation.metadata.grounding?.some((line) => line.includes('citing technique T1486'))).toBe(true);
    } finally {
      server().setResponder((request) => ({ content: JSON.stringify(honestAnswer(readPrompt(request.body))) }));
    }
  });

  it('rewrites a wrong technique URL', async () => {
    server().setResponder(answerWith((answer) => {
      answer.techniques[0]!.url = 'https://attack.example.net/T1053';
      answer.techniques[0]!.explanation += ' See https://attack.example.net/T1053 for details.';
    }));
    try {
      const explanation = await explainWith(readAlert(reference), await testOpenAiBackend(server()));

      expect(explanation.techniques[0]!.url).toBe('https://attack.mitre.org/techniques/T1053/002/');
      expect(explanation.techniques[0]!.explanation).not.toContain('attack.example.net');
      expect(explanation.metadata.grounding).toContain('rewrote the URL of T1053.002 from ATT&CK');
    } finally {
      server().setResponder((request) => ({ content: JSON.stringify(honestAnswer(readPrompt(request.body))) }));
    }
  });

  it('removes an address the alert does not contain', async () => {
    server().setResponder(answerWith((answer) => {
      answer.interpretation.summary += ' The attacker then moved on to 10.9.9.9.';
      answer.mitigations.immediate.push({ action: 'Block 203.0.113.99 at the firewall.', mitigation: null });
    }));
    try {
      const explanation = await explainWith(readAlert(reference), await testOpenAiBackend(server()));

      expect(JSON.stringify({ ...explanation, metadata: undefined })).not.toContain('10.9.9.9');
      expect(explanation.metadata.grounding).toContain('removed a sentence in the interpretation stating 10.9.9.9, which the alert does not contain');
      expect(JSON.stringify(explanation.mitigations)).not.toContain('203.0.113.99');
      expect(explanation.interpretation.summary).toContain('192.0.2.4');
    } finally {
      server().setResponder((request) => ({ content: JSON.stringify(honestAnswer(readPrompt(request.body))) }));
    }
  });

  it('replaces an answer that obeyed planted text', async () => {
    server().enqueue({ content: JSON.stringify(obeyingAnswer()) });
    const explanation = await explainWith(readAlert('fixtures/alerts/cases/12-prompt-injection-user-agent.json'), await testOpenAiBackend(server()));

    const text = JSON.stringify({ ...explanation, metadata: undefined });
    expect(explanation.metadata.fallbackReason).toMatch(/followed instructions planted in the alert's User-Agent/);
    expect(explanation.techniques.map((technique) => technique.id)).toContain('T1190');
    expect(text).not.toMatch(/benign|false positive|T9001|penetration test/i);
    expect(explanation.interpretation.summary).toContain('User-Agent contains text trying to manipulate automated triage');
    const prompt = readPrompt(server().chatRequests()[0]!.body);
    expect(JSON.stringify(prompt.alertData)).not.toContain('AI ASSISTANT');
    expect(prompt.notes[0]).toContain('User-Agent (http.http_user_agent) was withheld');
  });

  it('falls back to JSON mode when the schema format is rejected', async () => {
    server().enqueue({ status: 400, body: { error: { message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model." } } });
    const backend = await testOpenAiBackend(server());
    await explainWith(readAlert(reference), backend);
    await explainWith(readAlert(reference), backend);

    const formats = server().chatRequests().map((request) => request.body.response_format?.type);
    expect(formats).toEqual(['json_schema', 'json_object', 'json_object']);
  });

  it('slows every backend sharing a back-off after a 429', async () => {
    const backoff = createSharedBackoff();
    const first = await testOpenAiBackend(server(), {}, backoff);
    const second = await testOpenAiBackend(server(), {}, backoff);
    server().enqueue({ status: 429, headers: { 'retry-after-ms': '600' } });
    await explainWith(readAlert(reference), first);

    const started = Date.now();
    backoff.pause(400);
    await explainWith(readAlert(reference), second);
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
  });

  it('sends no raw user or host names when redacting', async () => {
    const alert = readAlert('fixtures/alerts/cases/01-atsvc-remote-task-kv.txt');
    const explanation = await explainWith(alert, await testOpenAiBackend(server(), { redact: 'on' }));

    const sent = JSON.stringify(server().chatRequests()[0]!.body);
    for (const value of ['svc_patch', 'FS01.corp.example.com', '10.20.4.37', '10.20.1.15', '10.20.1.9']) expect(sent).not.toContain(value);
    expect(sent).toContain('INTERNAL_IP_1');
    expect(sent).toContain('USER_1');
    expect(explanation.interpretation.summary).toContain('10.20.4.37');
    expect(explanation.interpretation.summary).not.toMatch(/INTERNAL_IP_|USER_|HOST_/);
  });

  it('calls an Azure OpenAI deployment', async () => {
    const explanation = await explainWith(
      readAlert(reference),
      await testOpenAiBackend(server(), { provider: 'azure', baseUrl: server().origin, apiVersion: '2024-10-21', model: 'explain-deployment' }),
    );

    const [request] = server().chatRequests();
    expect(request!.path).toBe('/openai/deployments/explain-deployment/chat/completions');
    expect(request!.query.get('api-version')).toBe('2024-10-21');
    expect(request!.headers['api-key']).toBe(testApiKey);
    expect(explanation.techniques).toHaveLength(1);
  });
});
