/** Tells whether a text has more than `limit` opening brackets, counted with native indexOf. */
function hasMoreOpeningsThan(text: string, limit: number): boolean {
  let count = 0;
  for (const bracket of ['{', '[']) {
    for (let position = text.indexOf(bracket); position !== -1; position = text.indexOf(bracket, position + 1)) {
      count += 1;
      if (count > limit) return true;
    }
  }
  return false;
}

/**
 * Tells whether the arrays and objects of a JSON text nest deeper than `maxDepth`, counting
 * brackets outside strings. It reads invalid and cut texts too, and does not check the syntax.
 * Text with at most `maxDepth` brackets cannot nest deeper, so it is not scanned.
 */
export function jsonNestsDeeperThan(text: string, maxDepth: number): boolean {
  if (!hasMoreOpeningsThan(text, maxDepth)) return false;
  let depth = 0;
  let inString = false;
  for (let position = 0; position < text.length; position += 1) {
    const character = text[position];
    if (inString) {
      if (character === '\\') position += 1;
      else if (character === '"') inString = false;
    } else if (character === '"') {
      inString = true;
    } else if (character === '{' || character === '[') {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (character === '}' || character === ']') {
      depth -= 1;
    }
  }
  return false;
}
