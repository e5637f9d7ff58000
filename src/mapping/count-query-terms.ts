/** Each distinct query term with how often it occurs, in order of first occurrence. */
export type QueryTermCounts = ReadonlyMap<string, number>;

/**
 * Counts the terms of a query once, so that every index it is scored against reuses the
 * counts. Returns a map in order of first occurrence, which keeps sums over it in a fixed order.
 */
export function countQueryTerms(tokens: readonly string[]): QueryTermCounts {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** Returns the counts as they are, or counts the tokens. */
export function asQueryTermCounts(query: readonly string[] | QueryTermCounts): QueryTermCounts {
  return query instanceof Map ? query : countQueryTerms(query as readonly string[]);
}
