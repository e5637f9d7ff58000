import type { LlmSettings } from '../config/llm-settings.js';
import { InputError } from '../errors/input-error.js';
import type { LlmCallCounts } from '../llm/llm-call-counts.js';
import type { SharedBackoff } from '../llm/shared-backoff.js';
import type { ExplanationBackend } from './explanation-backend.js';
import { offlineBackend } from './offline-backend.js';

export const backendNames = ['offline', 'openai', 'replay'] as const;
export type BackendName = (typeof backendNames)[number];

export interface CreateBackendOptions {
  name: string;
  /** LLM settings; read from the environment and `.env` when absent. */
  llm?: LlmSettings;
  /** Pause shared by the workers of a batch job, so a 429 slows all of them. */
  backoff?: SharedBackoff;
  /** Counts that a backend calling a model adds each request to; other backends ignore them. */
  calls?: LlmCallCounts;
  /**
   * Folder where backends that count tokens keep the tokenizer's rank table between runs,
   * normally userCacheDir(). Without it, they build the table in memory on every start.
   */
  cacheDir?: string;
}

async function environmentSettings(): Promise<LlmSettings> {
  const [{ readEnvironment }, { loadEnvironment }, { resolveLlmSettings }] = await Promise.all([
    import('../config/environment.js'),
    import('../config/load-environment.js'),
    import('../config/llm-settings.js'),
  ]);
  return resolveLlmSettings(readEnvironment(loadEnvironment()));
}

/**
 * Returns the backend selected by `--backend`. Backends other than offline are imported only
 * when selected, so the offline path never loads the openai SDK or LangChain. Throws
 * InputError for an unknown name and ConfigurationError for missing LLM settings.
 */
export async function createBackend({ name, llm, backoff, calls, cacheDir }: CreateBackendOptions): Promise<ExplanationBackend> {
  if (name === 'offline') return offlineBackend;
  if (name === 'openai') {
    const { createOpenAiBackend } = await import('../llm/openai-backend.js');
    return createOpenAiBackend({ settings: llm ?? (await environmentSettings()), ...(backoff ? { backoff } : {}), ...(calls ? { calls } : {}), cacheDir });
  }
  if (name === 'replay') {
    const { createReplayBackend } = await import('../llm/replay-backend.js');
    return createReplayBackend({ settings: llm ?? (await environmentSettings()), cacheDir });
  }
  throw new InputError(`unknown --backend "${name}"`, { hint: `Use one of: ${backendNames.join(', ')}` });
}
