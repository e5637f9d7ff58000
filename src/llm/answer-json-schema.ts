import { z } from 'zod';
import { explanationDraftSchema } from '../explanation/explanation-schema.js';

type JsonSchema = Record<string, unknown>;

// Keywords that OpenAI's strict structured outputs reject; zod emits them for the draft schema.
const unsupportedKeywords = ['$schema', 'minLength', 'maxLength', 'format'];

function toStrict(schema: JsonSchema): JsonSchema {
  const result: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!unsupportedKeywords.includes(key)) result[key] = value;
  }
  if (result.type === 'array' && result.items) result.items = toStrict(result.items as JsonSchema);
  if (result.anyOf) result.anyOf = (result.anyOf as JsonSchema[]).map(toStrict);
  if (result.type === 'object' && result.properties) {
    const required = new Set((schema.required as string[] | undefined) ?? []);
    const properties: Record<string, JsonSchema> = {};
    for (const [name, property] of Object.entries(result.properties as Record<string, JsonSchema>)) {
      const strict = toStrict(property);
      if (required.has(name)) {
        properties[name] = strict;
        continue;
      }
      // Strict mode needs every property listed as required, so an optional one becomes nullable.
      const { description, ...rest } = strict;
      properties[name] = { ...(description ? { description } : {}), anyOf: [rest, { type: 'null' }] };
    }
    result.properties = properties;
    result.required = Object.keys(properties);
    result.additionalProperties = false;
  }
  return result;
}

let cached: JsonSchema | undefined;

/**
 * Returns the JSON schema of a draft explanation in the strict form that OpenAI structured
 * outputs accept. Every property is required, optional ones are nullable, no additional
 * properties are allowed, and keywords that strict mode rejects are left out. The schema is
 * generated from the zod draft schema.
 */
export function answerJsonSchema(): JsonSchema {
  cached ??= toStrict(z.toJSONSchema(explanationDraftSchema, { io: 'input' }) as JsonSchema);
  return cached;
}
