import { mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import type { Alert } from '../alert/alert-schema.js';
import type { AttackIndex } from '../attack/attack-index.js';
import type { LlmSettings } from '../config/llm-settings.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import { explainAlert } from '../explain/explain-alert.js';
import { fingerprintAlert } from '../explain/fingerprint-alert.js';
import type { Logger } from '../logging/logger.js';
import type { TechniqueMapper } from '../mapping/technique-mapping.js';
import { shouldRedact } from '../privacy/should-redact.js';
import type { ChatResponse, ChatTransport } from './chat-transport.js';
import { createTokenCounter } from './count-tokens.js';
import { createModelBackend } from './model-backend.js';
import { createOpenAiTransport } from './openai-transport.js';
import { loadPromptTemplate } from './prompt-template.js';
import { createSharedBackoff } from './shared-backoff.js';

export interface RecordResponsesOptions {
  /** Parsed alerts with the file each came from. */
  alerts: { alert: Alert; path: string }[];
  outDir: string;
  settings: LlmSettings;
  index: AttackIndex;
  mapper: TechniqueMapper;
  maxTechniques: number;
  logger: Logger;
  /** Acceptance case ID to store, when one alert is recorded. */
  caseId?: string;
  /** Folder that keeps the token counter's rank table between runs; built in memory without it. */
  cacheDir?: string;
}

/**
 * Sends each alert to the configured model through the live openai backend and writes its
 * responses, as returned before any parsing, to `<out>/<alert file name>.json` in the replay
 * format. Returns the paths written. Throws ConfigurationError without a model, and
 * LlmRequestError when a request fails.
 */
export async function recordResponses(options: RecordResponsesOptions): Promise<string[]> {
  const { settings, logger } = options;
  if (!settings.model) throw new ConfigurationError('recording needs a model', { hint: 'Pass --model NAME or set IDS_EXPLAIN_MODEL' });
  const live = createOpenAiTransport({ settings: { ...settings, model: settings.model }, backoff: createSharedBackoff() });
  let captured: ChatResponse[] = [];
  const recorder: ChatTransport = {
    model: live.model,
    async complete(request) {
      const response = await live.complete(request);
      captured.push(response);
      return response;
    },
  };
  const redact = shouldRedact(settings.redact, settings.baseUrl);
  const [template, counter] = await Promise.all([loadPromptTemplate(settings.promptVersion), createTokenCounter(settings.model, { cacheDir: options.cacheDir })]);
  const backend = createModelBackend({ name: 'openai', transportFor: async () => ({ transport: recorder, redact }), template, counter, tokenBudget: settings.promptTokens });

  await mkdir(options.outDir, { recursive: true });
  const written: string[] = [];
  for (const { alert, path } of options.alerts) {
    captured = [];
    await explainAlert({ alert, index: options.index, mapper: options.mapper, backend, maxTechniques: options.maxTechniques, logger });
    const recording = {
      fingerprint: fingerprintAlert(alert),
      description: alert.description,
      alert: relative(process.cwd(), path),
      ...(options.caseId && options.alerts.length === 1 ? { case: options.caseId } : {}),
      source: 'recorded',
      model: captured.at(-1)?.model ?? settings.model,
      promptVersion: template.version,
      recordedAt: new Date().toISOString(),
      redacted: redact,
      responses: captured.map((response) => ({
        content: response.content,
        ...(response.promptTokens !== undefined && response.completionTokens !== undefined
          ? { usage: { prompt_tokens: response.promptTokens, completion_tokens: response.completionTokens } }
          : {}),
      })),
    };
    const target = join(options.outDir, `${basename(path, extname(path))}.json`);
    await writeFile(target, `${JSON.stringify(recording, null, 2)}\n`);
    written.push(target);
  }
  return written;
}
