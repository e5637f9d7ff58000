import { z } from 'zod';
import { explanationSchema } from './explanation-schema.js';

/** Returns the JSON Schema (draft 2020-12) generated from the explanation's zod schema. */
export function explanationJsonSchema(): Record<string, unknown> {
  return {
    title: 'ids-explain explanation',
    ...z.toJSONSchema(explanationSchema),
  };
}
