import { z } from 'zod';

const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const judgeEnvironmentSchema = z.object({
  IDS_EXPLAIN_JUDGE_MODEL: z.preprocess(blankAsUndefined, z.string().optional()),
  IDS_EXPLAIN_MODEL: z.preprocess(blankAsUndefined, z.string().optional()),
  OPENAI_BASE_URL: z.preprocess(blankAsUndefined, z.url().optional()),
  OPENAI_API_KEY: z.preprocess(blankAsUndefined, z.string().optional()),
});

export interface JudgeConfig {
  model: string;
  apiKey: string;
  /** Server of an OpenAI-compatible API; the OpenAI API when absent. */
  baseUrl?: string;
}

export type JudgeConfigResult = { ok: true; config: JudgeConfig } | { ok: false; reason: string };

/**
 * Reads the judge's model connection: the model from the option, else IDS_EXPLAIN_JUDGE_MODEL,
 * else IDS_EXPLAIN_MODEL (the model the openai backend uses), with OPENAI_API_KEY and the
 * optional OPENAI_BASE_URL. Blank values count as unset. Returns the reason in words when
 * something is missing or invalid, so that the eval can skip the judge and report why.
 */
// NOTE: reads the variables the openai backend documents, but not its .env file or flags;
// switch to that backend's configuration reader once it exists.
export function readJudgeConfig(env: Record<string, string | undefined>, modelOption?: string): JudgeConfigResult {
  const parsed = judgeEnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `invalid ${String(issue?.path[0])}: ${issue?.message}` };
  }
  const values = parsed.data;
  const model = blankAsUndefined(modelOption) as string | undefined ?? values.IDS_EXPLAIN_JUDGE_MODEL ?? values.IDS_EXPLAIN_MODEL;
  if (!model) return { ok: false, reason: 'no model configured (pass --judge-model, or set IDS_EXPLAIN_JUDGE_MODEL or IDS_EXPLAIN_MODEL)' };
  if (!values.OPENAI_API_KEY) return { ok: false, reason: 'OPENAI_API_KEY is not set (any value works for a local server that needs no key)' };
  const config: JudgeConfig = { model, apiKey: values.OPENAI_API_KEY };
  if (values.OPENAI_BASE_URL) config.baseUrl = values.OPENAI_BASE_URL;
  return { ok: true, config };
}
