import type { Explanation } from '../explanation/explanation-schema.js';

// JSON.stringify escapes C0 controls but writes these as they are. On a terminal, C1 codes can
// start control sequences and bidirectional marks reorder text. Escaped, they are the same JSON.
const unsafeForTerminalPattern = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Renders an explanation as pretty-printed JSON in the schema's key order. Characters that a
 * terminal would act on are written as `\uXXXX` escapes, so the parsed value is unchanged.
 */
export function renderJson(explanation: Explanation): string {
  const json = JSON.stringify(explanation, null, 2).replace(
    unsafeForTerminalPattern,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${json}\n`;
}
