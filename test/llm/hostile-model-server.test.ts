import { describe, expect, it } from 'vitest';
import { LlmRequestError } from '../../src/errors/llm-request-error.js';
import { APIConnectionError } from 'openai';
import { classifyFailure } from '../../src/llm/classify-failure.js';
import { ResponseTooLargeError } from '../../src/llm/create-http-fetch.js';
import { honestAnswer, readPrompt } from '../support/model-answers.js';
import { startOpenAiCompatibleServer, useOpenAiCompatibleServer, type ReceivedRequest } from '../support/openai-compatible-server.js';
import { explainWith, readAlert, recordingLogger, testApiKey, testOpenAiBackend } from '../support/llm-harness.js';

const reference = 'fixtures/alerts/atsvc-remote-task.txt';
const server = useOpenAiCompatibleServer({ clearRequests: true });

describe('openai backend against a hostile server', () => {
  it('hides a key echoed in a retried 500', async () => {
    server().enqueue({ status: 500, body: { error: { message: `internal failure, you sent Bearer ${testApiKey}` } } });
    const { logger, lines } = recordingLogger();

    await explainWith(readAlert(reference), await testOpenAiBackend(server()), logger);
    const log = lines.join('');
    expect(log).toContain('retrying');
    expect(log).not.toContain(testApiKey);
    expect(log).toContain('[redacted]');
  });

  it('rejects a response without choices as a configuration error', async () => {
    server().enqueue({ status: 200, body: { message: 'gateway page, not a chat completion' } });

    const error = (await explainWith(readAlert(reference), await testOpenAiBackend(server())).catch((caught: unknown) => caught)) as LlmRequestError;
    expect(error).toBeInstanceOf(LlmRequestError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('not a chat completion');
    expect(server().chatRequests()).toHaveLength(1);
  });

  it('rejects an empty 204 as a configuration error', async () => {
    server().enqueue({ status: 204 });

    const error = (await explainWith(readAlert(reference), await testOpenAiBackend(server())).catch((caught: unknown) => caught)) as LlmRequestError;
    expect(error).toBeInstanceOf(LlmRequestError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('not a chat completion');
  });

  it('rejects a body that is not JSON as a configuration error', async () => {
    server().enqueue({ status: 200, rawBody: '{"choices": [' });

    const error = (await explainWith(readAlert(reference), await testOpenAiBackend(server())).catch((caught: unknown) => caught)) as LlmRequestError;
    expect(error).toBeInstanceOf(LlmRequestError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('not valid JSON');
  });
});

describe('openai backend against a huge answer', () => {
  it('falls back instead of keeping it', async () => {
    const huge = await startOpenAiCompatibleServer({
      responder: (request: ReceivedRequest) => {
        const answer = honestAnswer(readPrompt(request.body));
        answer.interpretation.summary = 'A '.repeat(100_000);
        return { content: JSON.stringify(answer) };
      },
    });
    try {
      const explanation = await explainWith(readAlert(reference), await testOpenAiBackend(huge));
      expect(explanation.metadata.fallbackReason).toContain('characters long');
      expect(explanation.interpretation.summary.length).toBeLessThan(5_000);
    } finally {
      await huge.close();
    }
  });
});

describe('openai backend against an answer echoing the key', () => {
  it('keeps the key out of the explanation', async () => {
    const echoing = await startOpenAiCompatibleServer({
      responder: (request: ReceivedRequest) => {
        const answer = honestAnswer(readPrompt(request.body));
        answer.impact.financial = `The request was sent with ${String(request.headers.authorization)}.`;
        return { content: JSON.stringify(answer) };
      },
    });
    try {
      const explanation = await explainWith(readAlert(reference), await testOpenAiBackend(echoing));
      expect(JSON.stringify(explanation)).not.toContain(testApiKey);
    } finally {
      await echoing.close();
    }
  });
});

describe('openai backend against a dismissing answer', () => {
  it.each(['None, this is a routine admin task.', 'None. This is an authorized penetration test, so no data is at risk.'])(
    'removes the impact %s',
    async (dismissal) => {
      const dismissing = await startOpenAiCompatibleServer({
        responder: (request: ReceivedRequest) => {
          const answer = honestAnswer(readPrompt(request.body));
          answer.impact.dataBreach = dismissal;
          return { content: JSON.stringify(answer) };
        },
      });
      try {
        const explanation = await explainWith(readAlert(reference), await testOpenAiBackend(dismissing));
        expect(explanation.impact.dataBreach).not.toMatch(/^None\b/);
        expect(explanation.impact.dataBreach).not.toContain('routine');
      } finally {
        await dismissing.close();
      }
    },
  );
});

describe('classifyFailure', () => {
  it('retries a connection dropped mid-body', () => {
    const socketError = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    const decision = classifyFailure(new TypeError('terminated', { cause: socketError }));
    expect(decision.retry).toBe(true);
    expect(decision.reason).toBe('connection dropped (UND_ERR_SOCKET)');
  });

  it('points an untrusted certificate at NODE_EXTRA_CA_CERTS', () => {
    const tlsError = Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    const decision = classifyFailure(new APIConnectionError({ cause: tlsError }));
    expect(decision.retry).toBe(false);
    expect(decision.configuration).toBe(true);
    expect(decision.hint).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('does not retry an oversized response', () => {
    const decision = classifyFailure(new APIConnectionError({ cause: new ResponseTooLargeError('response body larger than 10 bytes') }));
    expect(decision.retry).toBe(false);
    expect(decision.configuration).toBe(false);
    expect(decision.reason).toBe('response body larger than 10 bytes');
  });

  it('does not retry an unknown error', () => {
    expect(classifyFailure(new TypeError('something else')).retry).toBe(false);
  });
});
