import { describe, expect, it } from 'vitest';
import { anySignal } from '../../src/util/any-signal.js';

describe('anySignal', () => {
  it('returns undefined without signals', () => {
    expect(anySignal(undefined, undefined)).toBeUndefined();
  });

  it('returns a single signal itself', () => {
    const only = new AbortController().signal;
    expect(anySignal(undefined, only)).toBe(only);
  });

  it('aborts when either signal aborts', () => {
    const first = new AbortController();
    const second = new AbortController();
    const combined = anySignal(first.signal, second.signal)!;

    expect(combined.aborted).toBe(false);
    second.abort();
    expect(combined.aborted).toBe(true);
  });
});
