import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI, { APIConnectionTimeoutError, APIError, AzureOpenAI } from 'openai';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import type { LlmSettings } from '../config/llm-settings.js';
import { hideSecrets } from '../config/secret-value.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import { LlmRequestError } from '../errors/llm-request-error.js';
import type { ChatRequest, ChatResponse, ChatTransport, ResponseFormatMode } from './chat-transport.js';
import { classifyFailure, UnexpectedResponseError, type FailureDecision } from './classify-failure.js';
import { anySignal } from '../util/any-signal.js';
import { LlmCallCounts } from './llm-call-counts.js';
import { createHttpFetch } from './create-http-fetch.js';
import type { SharedBackoff } from './shared-backoff.js';

export interface RetryTiming {
  /** First back-off delay in ms; each retry doubles it, with random jitter of up to half. */
  baseDelayMs: number;
  /** Maximum back-off delay in ms between two attempts. */
  maxDelayMs: number;
  /** Longest Retry-After in ms that is honoured; a longer one ends the retries. */
  maxRetryAfterMs: number;
}

export interface OpenAiTransportOptions {
  settings: LlmSettings & { model: string };
  backoff: SharedBackoff;
  retryTiming?: Partial<RetryTiming>;
  /** Counts to add every request to, such as a batch job's; the transport keeps its own otherwise. */
  calls?: LlmCallCounts;
}

const defaultTiming: RetryTiming = { baseDelayMs: 1000, maxDelayMs: 20_000, maxRetryAfterMs: 120_000 };
const openAiUrl = 'https://api.openai.com/v1';

function serverLabel(settings: LlmSettings): string {
  try {
    return new URL(settings.baseUrl ?? openAiUrl).host;
  } catch {
    return 'the configured server';
  }
}

// NOTE: only the OpenAI-compatible test server on 127.0.0.1 has exercised these clients; no
// hosted provider or local model server was reachable where this was built.
function createClient(settings: LlmSettings & { model: string }): OpenAI {
  const needsKey = settings.provider === 'azure' || !settings.baseUrl || /(^|\.)openai\.com$/i.test(serverLabel(settings));
  if (needsKey && !settings.apiKey) {
    throw new ConfigurationError(`no API key for ${serverLabel(settings)}`, {
      hint: 'Set OPENAI_API_KEY in the environment or in a .env file',
    });
  }
  // Local servers (Ollama, vLLM, llama.cpp, LM Studio) ignore the key, but the SDK needs one.
  const apiKey = settings.apiKey?.reveal() ?? 'not-needed';
  // Streamed responses keep the built-in fetch, which passes chunks on as they arrive.
  const common = { apiKey, maxRetries: 0, timeout: settings.timeoutMs, logLevel: 'off' as const, ...(settings.stream ? {} : { fetch: createHttpFetch() }) };
  if (settings.provider === 'azure') {
    if (!settings.baseUrl || !settings.apiVersion) {
      throw new ConfigurationError('the azure provider needs an endpoint and an API version', {
        hint: 'Set OPENAI_BASE_URL to https://RESOURCE.openai.azure.com and OPENAI_API_VERSION, such as 2024-10-21',
      });
    }
    return new AzureOpenAI({ ...common, endpoint: settings.baseUrl, apiVersion: settings.apiVersion, deployment: settings.model });
  }
  return new OpenAI({ ...common, baseURL: settings.baseUrl ?? openAiUrl });
}

type AdaptableParameter = 'response_format' | 'temperature' | 'stream_options' | 'max_tokens';

/** Returns the parameter that a 400 or 422 response rejects, if it is one that can be dropped or renamed. */
function rejectedParameter(error: unknown): AdaptableParameter | undefined {
  if (!(error instanceof APIError) || (error.status !== 400 && error.status !== 422)) return undefined;
  const message = `${error.message} ${JSON.stringify(error.error ?? '')}`.toLowerCase();
  // OpenAI's reasoning models reject max_tokens and name its replacement in the message.
  if (message.includes('max_tokens') && message.includes('max_completion_tokens')) return 'max_tokens';
  if (/response_format|json_schema|json_object|structured output/.test(message)) return 'response_format';
  if (message.includes('stream_options')) return 'stream_options';
  if (message.includes('temperature')) return 'temperature';
  return undefined;
}

interface TransportState {
  mode: ResponseFormatMode;
  temperature: boolean;
  streamOptions: boolean;
  /** Name of the output token limit parameter that the server accepts. */
  tokenLimit: 'max_tokens' | 'max_completion_tokens';
}

/**
 * Chat transport over the openai SDK. The SDK's own retries are off, so this class owns the
 * one retry loop, and it remembers request parameters that the server rejected.
 */
class OpenAiTransport implements ChatTransport {
  readonly model: string;
  private readonly client: OpenAI;
  private readonly server: string;
  private readonly timing: RetryTiming;
  private readonly state: TransportState;

  constructor(
    private readonly settings: LlmSettings & { model: string },
    private readonly backoff: SharedBackoff,
    timing: Partial<RetryTiming> = {},
    private readonly calls: LlmCallCounts = new LlmCallCounts(),
  ) {
    this.model = settings.model;
    this.client = createClient(settings);
    this.server = serverLabel(settings);
    this.timing = { ...defaultTiming, ...timing };
    this.state = {
      mode: settings.responseFormat === 'auto' ? 'json_schema' : settings.responseFormat,
      temperature: true,
      streamOptions: true,
      tokenLimit: 'max_tokens',
    };
  }

  async complete(request: ChatRequest): Promise<ChatResponse> {
    const { logger, alertId } = request;
    let adaptations = 0;
    const waitSignal = anySignal(request.signal, request.stopRetries);
    for (let attempt = 1; ; attempt += 1) {
      await this.backoff.wait(waitSignal);
      const started = Date.now();
      logger.debug('alert %s: sending the %s request to %s (model %s, %s, attempt %d)', alertId, request.purpose, this.server, this.model, this.state.mode, attempt);
      this.countSent(request, attempt > 1 || adaptations > 0);
      let response: ChatResponse;
      try {
        response = await this.send(request);
      } catch (error) {
        this.calls.failed += 1;
        // A dropped parameter is a changed request, not a retry, so it keeps the attempt count.
        if (adaptations < 5 && this.adapt(error, request)) {
          adaptations += 1;
          attempt -= 1;
          continue;
        }
        await this.prepareRetry(error, attempt, request, waitSignal);
        continue;
      }
      this.rejectCutAnswer(response, request);
      this.calls.succeeded += 1;
      // A server can echo the Authorization header into its response, which would carry the
      // key into the output, the cache and recordings.
      response.content = hideSecrets(response.content, [this.settings.apiKey]);
      logger.debug('alert %s: %s responded in %d ms (%s prompt, %s completion tokens)', alertId, this.server, Date.now() - started, response.promptTokens ?? '?', response.completionTokens ?? '?');
      return response;
    }
  }

  private countSent(request: ChatRequest, repeated: boolean): void {
    this.calls.sent += 1;
    if (repeated) this.calls.retries += 1;
    else if (request.purpose === 'repair') this.calls.repairs += 1;
  }

  /** Waits before the next attempt, or throws LlmRequestError when the failure is final. */
  private async prepareRetry(error: unknown, attempt: number, request: ChatRequest, waitSignal: AbortSignal | undefined): Promise<void> {
    const decision = classifyFailure(error);
    if (!decision.retry || attempt > this.settings.retries) throw this.fail(decision, attempt, request.alertId, error);
    if (decision.retryAfterMs !== undefined && decision.retryAfterMs > this.timing.maxRetryAfterMs) {
      const reason = `${decision.reason}; the server asked to wait ${Math.ceil(decision.retryAfterMs / 1000)} s, more than the ${this.timing.maxRetryAfterMs / 1000} s limit`;
      throw this.fail({ ...decision, reason }, attempt, request.alertId, error);
    }
    const backoffMs = Math.min(this.timing.maxDelayMs, this.timing.baseDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
    const delay = Math.round(decision.retryAfterMs ?? backoffMs);
    // The reason quotes the server's error text, which may echo the Authorization header.
    const reason = hideSecrets(decision.reason, [this.settings.apiKey]);
    request.logger.warn('alert %s: model request %s (attempt %d of %d); retrying in %d ms', request.alertId, reason, attempt, this.settings.retries + 1, delay);
    if (decision.rateLimited) this.backoff.pause(delay);
    else await sleep(delay, undefined, waitSignal ? { signal: waitSignal } : undefined);
  }

  /** Drops a request parameter that the server rejected; returns whether anything changed. */
  private adapt(error: unknown, { alertId, logger }: ChatRequest): boolean {
    const parameter = rejectedParameter(error);
    const { state, settings, server } = this;
    if (parameter === 'response_format' && settings.responseFormat === 'auto' && state.mode !== 'text') {
      state.mode = state.mode === 'json_schema' ? 'json_object' : 'text';
      logger.warn('alert %s: %s rejected the response format, so requests ask for %s from now on', alertId, server, state.mode === 'text' ? 'JSON by instruction only' : 'JSON mode');
      return true;
    }
    if (parameter === 'temperature' && state.temperature) {
      state.temperature = false;
      logger.warn('alert %s: %s rejected the temperature setting, so requests go without it', alertId, server);
      return true;
    }
    if (parameter === 'stream_options' && settings.stream && state.streamOptions) {
      state.streamOptions = false;
      return true;
    }
    if (parameter === 'max_tokens' && state.tokenLimit === 'max_tokens') {
      state.tokenLimit = 'max_completion_tokens';
      logger.warn('alert %s: %s rejected max_tokens, so requests send max_completion_tokens from now on', alertId, server);
      return true;
    }
    return false;
  }

  /**
   * Throws LlmRequestError when the model stopped at the output token limit, because the
   * response is then cut JSON. It is not retried, since the same limit would cut it again and
   * a larger one than configured may exceed what the model allows.
   */
  private rejectCutAnswer(response: ChatResponse, request: ChatRequest): void {
    if (response.finishReason !== 'length') return;
    this.calls.failed += 1;
    const limit = this.settings.maxOutputTokens;
    const written = response.completionTokens !== undefined ? ` after ${response.completionTokens} tokens` : '';
    throw new LlmRequestError(`the model's ${request.purpose} response for alert ${request.alertId} stopped at the output limit of ${limit} tokens${written} (finish_reason "length"), so it is cut short`, {
      alertId: request.alertId,
      hint: `Raise --max-output-tokens or IDS_EXPLAIN_MAX_OUTPUT_TOKENS above ${limit}, or use a model that writes shorter responses`,
    });
  }

  private params(request: ChatRequest): ChatCompletionCreateParams {
    const params: ChatCompletionCreateParams = { model: this.model, messages: request.messages, [this.state.tokenLimit]: this.settings.maxOutputTokens };
    if (this.state.temperature) params.temperature = this.settings.temperature;
    if (this.state.mode === 'json_schema') {
      params.response_format = { type: 'json_schema', json_schema: { name: 'alert_explanation', strict: true, schema: request.jsonSchema } };
    } else if (this.state.mode === 'json_object') {
      params.response_format = { type: 'json_object' };
    }
    return params;
  }

  private async send(request: ChatRequest): Promise<ChatResponse> {
    const { timeoutMs } = this.settings;
    const controller = new AbortController();
    const onAbort = () => controller.abort(request.signal?.reason);
    request.signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const requestOptions = { signal: controller.signal, timeout: timeoutMs };
      if (this.settings.stream) return await readStream(this.client, this.params(request), requestOptions, this.state.streamOptions);
      const completion = await this.client.chat.completions.create({ ...this.params(request), stream: false }, requestOptions);
      // An empty body, such as a 204's, parses to null.
      if (!Array.isArray(completion?.choices)) {
        throw new UnexpectedResponseError('the response is not a chat completion (it has no "choices" list); the base URL may point at something other than an OpenAI-compatible API');
      }
      const choice = completion.choices[0];
      return {
        content: choice?.message?.content ?? '',
        model: completion.model,
        ...(completion.usage ? { promptTokens: completion.usage.prompt_tokens, completionTokens: completion.usage.completion_tokens } : {}),
        ...(choice?.finish_reason ? { finishReason: choice.finish_reason } : {}),
      };
    } catch (error) {
      // The SDK's timeout covers only the wait for headers; ours also covers the body.
      if (timedOut) throw new APIConnectionTimeoutError({ message: `no complete response within ${timeoutMs} ms` });
      // The SDK parses a JSON content type with JSON.parse, which throws a bare SyntaxError.
      if (error instanceof SyntaxError) throw new UnexpectedResponseError(`the response body is not valid JSON (${error.message}); the base URL may point at something other than an OpenAI-compatible API`);
      throw error;
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Returns the next step for a failure that carries no hint of its own. */
  private settingsHint(decision: FailureDecision): string {
    if (!decision.configuration) return 'The server may be overloaded or down; try again later, or raise --retries or --timeout';
    if (/max_(completion_)?tokens/i.test(decision.reason)) {
      return `Lower --max-output-tokens or IDS_EXPLAIN_MAX_OUTPUT_TOKENS (now ${this.settings.maxOutputTokens}) to what the model allows`;
    }
    return 'Check OPENAI_BASE_URL, OPENAI_API_KEY and IDS_EXPLAIN_MODEL (or --base-url and --model)';
  }

  private fail(decision: FailureDecision, attempts: number, alertId: string, cause: unknown): LlmRequestError {
    const plural = attempts === 1 ? '' : 's';
    const message = hideSecrets(`model request to ${this.server} for alert ${alertId} failed after ${attempts} attempt${plural}: ${decision.reason}`, [this.settings.apiKey]);
    const hint = decision.hint ?? this.settingsHint(decision);
    const status = decision.status !== undefined ? { status: decision.status } : {};
    return new LlmRequestError(message, { alertId, hint, configuration: decision.configuration, ...status, cause });
  }
}

/**
 * Creates a chat transport that calls an OpenAI-compatible server through the openai SDK. It
 * retries what can pass later (429 after the server's Retry-After, 408, 409, 5xx, timeouts,
 * dropped connections) with capped exponential back-off, pauses the shared back-off on 429
 * and logs every retry. In "auto" format mode a server that rejects JSON-schema output is
 * asked for JSON mode, then for plain text. Its requests throw LlmRequestError when they fail
 * for good. Creating it throws ConfigurationError for missing settings.
 */
export function createOpenAiTransport(options: OpenAiTransportOptions): ChatTransport {
  return new OpenAiTransport(options.settings, options.backoff, options.retryTiming, options.calls);
}

async function readStream(
  client: OpenAI,
  params: ChatCompletionCreateParams,
  requestOptions: { signal: AbortSignal; timeout: number },
  includeUsage: boolean,
): Promise<ChatResponse> {
  const stream = await client.chat.completions.create(
    { ...params, stream: true, ...(includeUsage ? { stream_options: { include_usage: true } } : {}) },
    requestOptions,
  );
  let content = '';
  const response: ChatResponse = { content: '' };
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    content += choice?.delta?.content ?? '';
    if (chunk.model) response.model = chunk.model;
    if (choice?.finish_reason) response.finishReason = choice.finish_reason;
    if (chunk.usage) {
      response.promptTokens = chunk.usage.prompt_tokens;
      response.completionTokens = chunk.usage.completion_tokens;
    }
  }
  response.content = content;
  return response;
}
