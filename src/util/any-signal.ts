/**
 * Returns a signal that aborts when any of the given ones does: undefined when none is given,
 * and the signal itself when only one is.
 */
export function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const given = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  return given.length > 1 ? AbortSignal.any(given) : given[0];
}
