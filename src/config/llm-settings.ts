import type { z } from 'zod';
import { InputError } from '../errors/input-error.js';
import type { Environment } from './environment.js';
import { settingSchemas } from './environment.js';
import { SecretValue } from './secret-value.js';

/** Settings of the LLM backends, from flags first, then the environment and `.env`, then defaults. */
export interface LlmSettings {
  provider: 'openai' | 'azure';
  model?: string;
  /** Server base URL; unset means api.openai.com. */
  baseUrl?: string;
  apiKey?: SecretValue;
  /** Azure OpenAI `api-version`. */
  apiVersion?: string;
  temperature: number;
  timeoutMs: number;
  /** Retries after the first attempt, for rate limits, 5xx responses and timeouts. */
  retries: number;
  stream: boolean;
  responseFormat: 'auto' | 'json_schema' | 'json_object' | 'text';
  promptTokens: number;
  /** Maximum number of tokens the model may write in one response, sent as `max_tokens`. */
  maxOutputTokens: number;
  redact: 'auto' | 'on' | 'off';
  promptVersion: string;
  replayDir?: string;
}

/** Command-line values of the LLM flags, as commander passes them. */
export interface LlmFlags {
  model?: string;
  baseUrl?: string;
  provider?: string;
  temperature?: string;
  timeout?: string;
  retries?: string;
  stream?: boolean;
  responseFormat?: string;
  promptTokens?: string;
  maxOutputTokens?: string;
  redact?: boolean;
  promptVersion?: string;
  replayDir?: string;
}

export const llmDefaults = {
  provider: 'openai',
  temperature: 0,
  timeoutSeconds: 60,
  retries: 3,
  stream: false,
  responseFormat: 'auto',
  promptTokens: 3000,
  // The offline explanations of the sample cases take up to about 1,700 tokens as compact JSON.
  // The limit leaves room for wordier models, pretty-printed JSON and a repair response.
  maxOutputTokens: 4096,
  redact: 'auto',
  promptVersion: 'analysis-v1',
} as const;

function blank(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function redactFlag(value: boolean | undefined): 'on' | 'off' | undefined {
  if (value === undefined) return undefined;
  return value ? 'on' : 'off';
}

/** Validates a flag value with the setting's schema; throws InputError naming flag and variable. */
function parseFlag<T extends z.ZodType>(schema: T, value: unknown, flag: string, variable: string): z.infer<T> | undefined {
  if (value === undefined || (typeof value === 'string' && blank(value) === undefined)) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(`invalid ${flag} "${String(value)}": ${result.error.issues[0]?.message}`, {
      hint: `Pass a valid value, or leave the flag out to use ${variable} or the default`,
    });
  }
  return result.data;
}

/**
 * Resolves the LLM settings: a flag wins over its environment variable (already validated by
 * readEnvironment, including values from `.env`), which wins over the default. Blank values
 * count as unset. Throws InputError for an invalid flag value.
 */
export function resolveLlmSettings(environment: Environment, flags: LlmFlags = {}): LlmSettings {
  const s = settingSchemas;
  const key = blank(environment.OPENAI_API_KEY);
  const settings: LlmSettings = {
    provider: parseFlag(s.provider, flags.provider, '--provider', 'IDS_EXPLAIN_PROVIDER') ?? environment.IDS_EXPLAIN_PROVIDER ?? llmDefaults.provider,
    temperature: parseFlag(s.temperature, flags.temperature, '--temperature', 'IDS_EXPLAIN_TEMPERATURE') ?? environment.IDS_EXPLAIN_TEMPERATURE ?? llmDefaults.temperature,
    timeoutMs: 1000 * (parseFlag(s.timeoutSeconds, flags.timeout, '--timeout', 'IDS_EXPLAIN_TIMEOUT') ?? environment.IDS_EXPLAIN_TIMEOUT ?? llmDefaults.timeoutSeconds),
    retries: parseFlag(s.retries, flags.retries, '--retries', 'IDS_EXPLAIN_RETRIES') ?? environment.IDS_EXPLAIN_RETRIES ?? llmDefaults.retries,
    stream: flags.stream ?? environment.IDS_EXPLAIN_STREAM ?? llmDefaults.stream,
    responseFormat: parseFlag(s.responseFormat, flags.responseFormat, '--response-format', 'IDS_EXPLAIN_RESPONSE_FORMAT') ?? environment.IDS_EXPLAIN_RESPONSE_FORMAT ?? llmDefaults.responseFormat,
    promptTokens: parseFlag(s.promptTokens, flags.promptTokens, '--prompt-tokens', 'IDS_EXPLAIN_PROMPT_TOKENS') ?? environment.IDS_EXPLAIN_PROMPT_TOKENS ?? llmDefaults.promptTokens,
    maxOutputTokens:
      parseFlag(s.maxOutputTokens, flags.maxOutputTokens, '--max-output-tokens', 'IDS_EXPLAIN_MAX_OUTPUT_TOKENS') ??
      environment.IDS_EXPLAIN_MAX_OUTPUT_TOKENS ??
      llmDefaults.maxOutputTokens,
    redact: redactFlag(flags.redact) ?? environment.IDS_EXPLAIN_REDACT ?? llmDefaults.redact,
    promptVersion: parseFlag(s.promptVersion, flags.promptVersion, '--prompt-version', 'IDS_EXPLAIN_PROMPT_VERSION') ?? environment.IDS_EXPLAIN_PROMPT_VERSION ?? llmDefaults.promptVersion,
  };
  const model = blank(flags.model) ?? environment.IDS_EXPLAIN_MODEL;
  const baseUrl = parseFlag(s.baseUrl, flags.baseUrl, '--base-url', 'OPENAI_BASE_URL') ?? environment.OPENAI_BASE_URL;
  const replayDir = blank(flags.replayDir) ?? environment.IDS_EXPLAIN_REPLAY_DIR;
  if (model) settings.model = model;
  if (baseUrl) settings.baseUrl = baseUrl;
  if (key) settings.apiKey = new SecretValue(key);
  if (environment.OPENAI_API_VERSION) settings.apiVersion = environment.OPENAI_API_VERSION;
  if (replayDir) settings.replayDir = replayDir;
  return settings;
}

/**
 * Chooses the backend: `--backend`, then IDS_EXPLAIN_BACKEND, then openai when a model is
 * configured, else offline.
 */
export function resolveBackendName(flag: string | undefined, environment: Environment, settings: LlmSettings): string {
  return blank(flag) ?? environment.IDS_EXPLAIN_BACKEND ?? (settings.model ? 'openai' : 'offline');
}
