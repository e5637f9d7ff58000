import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Alert } from '../../src/alert/alert-schema.js';
import { parseAlert } from '../../src/alert/parse-alert.js';
import type { ExplanationBackend } from '../../src/backends/explanation-backend.js';
import { llmDefaults, type LlmSettings } from '../../src/config/llm-settings.js';
import { SecretValue } from '../../src/config/secret-value.js';
import { explainAlert } from '../../src/explain/explain-alert.js';
import type { Explanation } from '../../src/explanation/explanation-schema.js';
import { createLogger, type Logger } from '../../src/logging/logger.js';
import { createOpenAiBackend } from '../../src/llm/openai-backend.js';
import type { SharedBackoff } from '../../src/llm/shared-backoff.js';
import type { OpenAiCompatibleServer } from './openai-compatible-server.js';
import { realAttackIndex, realMapper, repositoryRoot } from './real-attack.js';

/** API key the tests send; no message, log line or output may contain it. */
export const testApiKey = 'sk-test-7f3a9c1e5b2d4f6a8c0e';

/** LLM settings that point at a test server, with short timeouts and retries. */
export function testLlmSettings(server: OpenAiCompatibleServer, overrides: Partial<LlmSettings> = {}): LlmSettings {
  return {
    provider: 'openai',
    model: 'test-model',
    baseUrl: server.baseUrl,
    apiKey: new SecretValue(testApiKey),
    temperature: 0,
    timeoutMs: 2000,
    retries: 2,
    stream: false,
    responseFormat: 'auto',
    promptTokens: llmDefaults.promptTokens,
    maxOutputTokens: llmDefaults.maxOutputTokens,
    redact: 'off',
    promptVersion: llmDefaults.promptVersion,
    ...overrides,
  };
}

/** Creates the openai backend for a test server, with retry delays of a few milliseconds. */
export function testOpenAiBackend(server: OpenAiCompatibleServer, overrides: Partial<LlmSettings> = {}, backoff?: SharedBackoff): Promise<ExplanationBackend> {
  return createOpenAiBackend({ settings: testLlmSettings(server, overrides), retryTiming: { baseDelayMs: 5, maxDelayMs: 20 }, ...(backoff ? { backoff } : {}) });
}

/** Creates a logger that keeps every line it writes, for checks on what was logged. */
export function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger({ level: 'debug', stream: { write: (chunk: string) => lines.push(chunk) } }), lines };
}

/** Reads and parses an alert file given relative to the repository. */
export function readAlert(path: string): Alert {
  const absolute = resolve(repositoryRoot, path);
  const text = readFileSync(absolute, 'utf8');
  // A JSON Lines fixture is a storm of alerts that share one template; its first alert stands for it.
  const first = path.endsWith('.jsonl') ? text.split('\n').find((line) => line.trim() !== '') : undefined;
  return parseAlert(first ?? text, { origin: path });
}

/** Explains an alert with the real ATT&CK index and mapper and a fixed clock. */
export function explainWith(alert: Alert, backend: ExplanationBackend, logger?: Logger): Promise<Explanation> {
  return explainAlert({ alert, index: realAttackIndex(), mapper: realMapper(), backend, now: () => new Date('2026-03-20T12:00:00Z'), ...(logger ? { logger } : {}) });
}
