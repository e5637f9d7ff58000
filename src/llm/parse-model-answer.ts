import type { z } from 'zod';
import { explanationDraftSchema, type ExplanationDraft } from '../explanation/explanation-schema.js';

export type ParsedAnswer = { ok: true; draft: ExplanationDraft } | { ok: false; errors: string[] };

/** Maximum number of validation errors quoted back to the model. */
const maxQuotedErrors = 12;

/**
 * Maximum response length, in characters. The recorded responses are under 6,000 characters, so
 * this leaves room for ten techniques with long quotes. Anything longer is a runaway or hostile
 * response that would otherwise flow into the output and the cache whole.
 */
export const maxAnswerCharacters = 100_000;

/** Cuts the JSON object out of a response that wraps it in a code fence or in prose. */
function extractJson(text: string): string {
  const fenced = /```(?:json)?\s*\n([\s\S]*?)\n?```/i.exec(text);
  const body = (fenced?.[1] ?? text).trim();
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  return start !== -1 && end > start ? body.slice(start, end + 1) : body;
}

/** Drops null values, which strict-schema responses use for absent optional fields. */
function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, child]) => child !== null)
        .map(([key, child]) => [key, dropNulls(child)]),
    );
  }
  return value;
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, maxQuotedErrors).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    return `${path}: ${issue.message}`;
  });
}

/**
 * Parses a model's response into a draft explanation. It cuts the JSON out of code fences or
 * prose, parses it, drops nulls and validates it with the zod draft schema. Returns the draft,
 * or readable errors to quote back: a response over `maxAnswerCharacters`, invalid JSON, or
 * `path: message` per schema violation.
 */
export function parseModelAnswer(text: string): ParsedAnswer {
  if (text.length > maxAnswerCharacters) {
    return { ok: false, errors: [`the response is ${text.length} characters long, more than the ${maxAnswerCharacters} allowed; answer with the JSON object only, in a few sentences per field`] };
  }
  let value: unknown;
  try {
    value = JSON.parse(extractJson(text));
  } catch (error) {
    const preview = text.trim().slice(0, 80).replace(/\s+/g, ' ');
    return { ok: false, errors: [`the response is not valid JSON (${(error as Error).message}); it starts with "${preview}"`] };
  }
  const result = explanationDraftSchema.safeParse(dropNulls(value));
  return result.success ? { ok: true, draft: result.data } : { ok: false, errors: describeIssues(result.error) };
}
