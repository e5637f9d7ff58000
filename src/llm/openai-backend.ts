import type { ExplanationBackend } from '../backends/explanation-backend.js';
import type { LlmSettings } from '../config/llm-settings.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import { shouldRedact } from '../privacy/should-redact.js';
import { createTokenCounter } from './count-tokens.js';
import { createModelBackend } from './model-backend.js';
import type { LlmCallCounts } from './llm-call-counts.js';
import { createOpenAiTransport, type RetryTiming } from './openai-transport.js';
import { loadPromptTemplate } from './prompt-template.js';
import { createSharedBackoff, type SharedBackoff } from './shared-backoff.js';

export interface OpenAiBackendOptions {
  settings: LlmSettings;
  /** Pause shared with other workers of a batch job; each backend gets its own otherwise. */
  backoff?: SharedBackoff;
  retryTiming?: Partial<RetryTiming>;
  /** Counts of the requests sent, such as a batch job's, for its summary. */
  calls?: LlmCallCounts;
  /** Folder that keeps the token counter's rank table between runs; built in memory without it. */
  cacheDir?: string;
}

/**
 * Creates the backend that drafts explanations with an OpenAI-compatible model. Throws
 * ConfigurationError when no model is configured or a required key is missing.
 */
export async function createOpenAiBackend(options: OpenAiBackendOptions): Promise<ExplanationBackend> {
  const { settings } = options;
  const model = settings.model;
  if (!model) {
    throw new ConfigurationError('no model configured for --backend openai', { hint: 'Pass --model NAME or set IDS_EXPLAIN_MODEL' });
  }
  const transport = createOpenAiTransport({
    settings: { ...settings, model },
    backoff: options.backoff ?? createSharedBackoff(),
    ...(options.retryTiming ? { retryTiming: options.retryTiming } : {}),
    ...(options.calls ? { calls: options.calls } : {}),
  });
  const [template, counter] = await Promise.all([loadPromptTemplate(settings.promptVersion), createTokenCounter(model, { cacheDir: options.cacheDir })]);
  const redact = shouldRedact(settings.redact, settings.baseUrl);
  return createModelBackend({
    name: 'openai',
    model,
    transportFor: async () => ({ transport, redact }),
    template,
    counter,
    tokenBudget: settings.promptTokens,
  });
}
