import { judgementSchema, type Judgement } from './judge-criteria.js';

export type ParsedJudgement = { ok: true; judgement: Judgement } | { ok: false; problem: string };

/**
 * Parses the judge's reply: a JSON object, possibly inside a Markdown code fence, that
 * matches the judgement schema. Returns the problem in words instead of throwing.
 */
export function parseJudgement(text: string): ParsedJudgement {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text);
  const body = (fenced?.[1] ?? text).trim();
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { ok: false, problem: `the reply is not JSON (${(error as Error).message})` };
  }
  const result = judgementSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { ok: false, problem: `the reply does not match the rating format at ${issue?.path.join('.') || 'the top level'}: ${issue?.message}` };
  }
  return { ok: true, judgement: result.data };
}
