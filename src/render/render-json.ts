import type { Explanation } from '../explanation/explanation-schema.js';

/** Renders an explanation as pretty-printed JSON in the schema's key order. */
export function renderJson(explanation: Explanation): string {
  return `${JSON.stringify(explanation, null, 2)}\n`;
}
