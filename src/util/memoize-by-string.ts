export interface MemoizeOptions {
  /** Maximum number of remembered results. When it is reached, all results are forgotten. */
  maxEntries: number;
  /** Arguments longer than this many characters are computed every time and not kept. */
  maxKeyLength: number;
}

/**
 * Wraps a function of one string so that a repeated argument returns the remembered result
 * instead of computing it again. Memory stays bounded by both limits, and a job whose values
 * keep changing costs one map lookup more per call. Only for pure functions whose results
 * callers never modify, because every caller of an argument gets the same result.
 */
export function memoizeByString<T>(compute: (key: string) => T, { maxEntries, maxKeyLength }: MemoizeOptions): (key: string) => T {
  const results = new Map<string, T>();
  return (key) => {
    if (key.length > maxKeyLength) return compute(key);
    const known = results.get(key);
    if (known !== undefined || results.has(key)) return known as T;
    const result = compute(key);
    if (results.size >= maxEntries) results.clear();
    results.set(key, result);
    return result;
  };
}
