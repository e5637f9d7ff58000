import { z } from 'zod';
import { InputError } from '../errors/input-error.js';
import { logLevels, type LogLevel } from '../logging/logger.js';

const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = z.preprocess(blankAsUndefined, z.string().optional());

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
    throw new InputError(`invalid environment variable ${name}="${env[name] ?? ''}": ${issue?.message}`, {
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
