import { describe, expect, it } from 'vitest';
import { LlmRequestError } from '../../src/errors/llm-request-error.js';
import { explainWith, readAlert, testOpenAiBackend } from '../support/llm-harness.js';
import { useOpenAiCompatibleServer } from '../support/openai-compatible-server.js';

const reference = 'fixtures/alerts/atsvc-remote-task.txt';
const server = useOpenAiCompatibleServer({ clearRequests: true });

/** A response that stops in the middle of its JSON, as a model does at its output limit. */
const cutResponse = { content: '{"interpretation":{"summary":"A remote task was', finishReason: 'length', usage: { prompt_tokens: 900, completion_tokens: 1500 } };

async function explainError(overrides: Parameters<typeof testOpenAiBackend>[1] = {}): Promise<LlmRequestError> {
  const backend = await testOpenAiBackend(server(), overrides);
  return (await explainWith(readAlert(reference), backend).catch((caught: unknown) => caught)) as LlmRequestError;
}

describe('openai backend output token limit', () => {
  it('sends the default limit', async () => {
    await explainWith(readAlert(reference), await testOpenAiBackend(server()));

    const [request] = server().chatRequests();
    expect(request!.body.max_tokens).toBe(4096);
  });

  it('sends the configured limit', async () => {
    await explainWith(readAlert(reference), await testOpenAiBackend(server(), { maxOutputTokens: 1500 }));

    const [request] = server().chatRequests();
    expect(request!.body.max_tokens).toBe(1500);
  });

  it('fails a response cut at the limit', async () => {
    server().enqueue(cutResponse);
    const error = await explainError({ maxOutputTokens: 1500 });

    expect(error).toBeInstanceOf(LlmRequestError);
    expect(error.message).toMatch(/^the model's draft response for alert \S+ stopped at the output limit of 1500 tokens after 1500 tokens \(finish_reason "length"\), so it is cut short$/);
    expect(error.hint).toBe('Raise --max-output-tokens or IDS_EXPLAIN_MAX_OUTPUT_TOKENS above 1500, or use a model that writes shorter responses');
    expect(error.exitCode).toBe(1);
  });

  it('sends no repair after a cut response', async () => {
    server().enqueue(cutResponse);
    await explainError();

    expect(server().chatRequests()).toHaveLength(1);
  });

  it('fails a cut streamed response', async () => {
    server().enqueue(cutResponse);
    const error = await explainError({ stream: true });

    expect(error.message).toContain('stopped at the output limit of 4096 tokens');
  });

  it('renames max_tokens when the server asks', async () => {
    server().enqueue({ status: 400, body: { error: { message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead." } } });
    const backend = await testOpenAiBackend(server());
    await explainWith(readAlert(reference), backend);
    await explainWith(readAlert(reference), backend);

    const limits = server().chatRequests().map((request) => [request.body.max_tokens, request.body.max_completion_tokens]);
    expect(limits).toEqual([
      [4096, undefined],
      [undefined, 4096],
      [undefined, 4096],
    ]);
  });

  it('suggests a lower limit when it is too large', async () => {
    server().enqueue({ status: 400, body: { error: { message: 'max_tokens is too large: 4096. This model supports at most 2048 completion tokens.' } } });
    const error = await explainError();

    expect(error.exitCode).toBe(2);
    expect(error.hint).toBe('Lower --max-output-tokens or IDS_EXPLAIN_MAX_OUTPUT_TOKENS (now 4096) to what the model allows');
  });
});
