import { z } from 'zod';
import { InputError } from '../errors/input-error.js';
import { logLevels, type LogLevel } from '../logging/logger.js';

const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = z.preprocess(blankAsUndefined, z.string().trim().optional());

const switchWords: Record<string, boolean> = { true: true, on: true, yes: true, 1: true, false: false, off: false, no: false, 0: false };
const redactWords: Record<string, 'auto' | 'on' | 'off'> = { auto: 'auto', true: 'on', on: 'on', yes: 'on', 1: 'on', false: 'off', off: 'off', no: 'off', 0: 'off' };

/** Setting values shared by environment variables and command-line flags. */
export const settingSchemas = {
  backend: z.enum(['offline', 'openai', 'replay']),
  provider: z.enum(['openai', 'azure']),
  baseUrl: z.url({ protocol: /^https?$/, error: 'expected an http or https URL' }),
  temperature: z.coerce.number({ error: 'expected a number from 0 to 2' }).min(0).max(2),
  timeoutSeconds: z.coerce.number({ error: 'expected a number of seconds' }).positive().max(3600),
  retries: z.coerce.number({ error: 'expected a whole number from 0 to 10' }).int().min(0).max(10),
  promptTokens: z.coerce.number({ error: 'expected a whole number from 500 to 200000' }).int().min(500).max(200_000),
  maxOutputTokens: z.coerce.number({ error: 'expected a whole number from 256 to 128000' }).int().min(256).max(128_000),
  responseFormat: z.enum(['auto', 'json_schema', 'json_object', 'text']),
  stream: z.preprocess((value) => (typeof value === 'string' ? (switchWords[value.trim().toLowerCase()] ?? value) : value), z.boolean({ error: 'expected true or false' })),
  redact: z.preprocess((value) => (typeof value === 'string' ? (redactWords[value.trim().toLowerCase()] ?? value) : value), z.enum(['auto', 'on', 'off'])),
  promptVersion: z.string().regex(/^[a-z]+-v\d+$/, 'expected a template version such as analysis-v1'),
};

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUndefined, schema.optional());

/** Environment variables whose values must never appear in messages. */
export const secretVariables = ['OPENAI_API_KEY', 'IDS_EXPLAIN_REDIS_URL'];

/** Environment variables that ids-explain reads, validated once at start-up. */
export const environmentSchema = z.object({
  IDS_EXPLAIN_ATTACK: optionalText,
  IDS_EXPLAIN_DATA_DIR: optionalText,
  IDS_EXPLAIN_CACHE_DIR: optionalText,
  /** Labelled examples for the technique mapper: a JSON Lines file or a folder of Sigma rules. */
  IDS_EXPLAIN_EXAMPLES: optionalText,
  IDS_EXPLAIN_LOG_LEVEL: z.preprocess(blankAsUndefined, z.enum(logLevels).optional()),
  IDS_EXPLAIN_ATTACK_BASE_URL: z.preprocess(blankAsUndefined, z.url().optional()),
  NO_COLOR: z.string().optional(),
  // Read by the user folder lookup; kept here so that the validated environment still has them.
  HOME: optionalText,
  XDG_CACHE_HOME: optionalText,
  XDG_DATA_HOME: optionalText,
  LOCALAPPDATA: optionalText,
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optional(settingSchemas.baseUrl),
  OPENAI_API_VERSION: optionalText,
  IDS_EXPLAIN_BACKEND: optional(settingSchemas.backend),
  IDS_EXPLAIN_MODEL: optionalText,
  IDS_EXPLAIN_PROVIDER: optional(settingSchemas.provider),
  IDS_EXPLAIN_TEMPERATURE: optional(settingSchemas.temperature),
  IDS_EXPLAIN_TIMEOUT: optional(settingSchemas.timeoutSeconds),
  IDS_EXPLAIN_RETRIES: optional(settingSchemas.retries),
  IDS_EXPLAIN_PROMPT_TOKENS: optional(settingSchemas.promptTokens),
  IDS_EXPLAIN_MAX_OUTPUT_TOKENS: optional(settingSchemas.maxOutputTokens),
  IDS_EXPLAIN_RESPONSE_FORMAT: optional(settingSchemas.responseFormat),
  IDS_EXPLAIN_STREAM: optional(settingSchemas.stream),
  IDS_EXPLAIN_REDACT: optional(settingSchemas.redact),
  IDS_EXPLAIN_PROMPT_VERSION: optional(settingSchemas.promptVersion),
  IDS_EXPLAIN_REPLAY_DIR: optionalText,
  /** Redis server of `worker` and `enqueue`; it may carry a password, so it is never shown. */
  IDS_EXPLAIN_REDIS_URL: optionalText,
});

export type Environment = z.infer<typeof environmentSchema>;

/**
 * Reads and validates the environment. Blank values count as unset. Throws InputError naming
 * the variable when a value is invalid.
 */
export function readEnvironment(env: Record<string, string | undefined> = process.env): Environment {
  const result = environmentSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const shown = secretVariables.includes(name) ? '' : `="${env[name] ?? ''}"`;
    throw new InputError(`invalid environment variable ${name}${shown}: ${issue?.message}`, {
      hint: `Fix or unset ${name}`,
    });
  }
  return result.data;
}

/** Returns the log level from an option value, then the environment, then the default (warn). */
export function resolveLogLevel(option: string | undefined, environment: Environment): LogLevel {
  if (option !== undefined) {
    if (!(logLevels as readonly string[]).includes(option)) {
      throw new InputError(`invalid --log-level "${option}"`, { hint: `Use one of: ${logLevels.join(', ')}` });
    }
    return option as LogLevel;
  }
  return environment.IDS_EXPLAIN_LOG_LEVEL ?? 'warn';
}
