import { describe, expect, it } from 'vitest';
import { decodeIndices, decodeQuantized, encodeIndices, encodeQuantized, quantized } from '../../src/mapping/typed-array-base64.js';

describe('encodeIndices', () => {
  it('uses 16 bits when every value fits', () => {
    const text = encodeIndices(Uint32Array.from([0, 7, 65535]));
    expect(text.startsWith('u16:')).toBe(true);
    expect([...decodeIndices(text)]).toEqual([0, 7, 65535]);
  });

  it('uses 32 bits for larger values', () => {
    const text = encodeIndices(Uint32Array.from([1, 70000]));
    expect(text.startsWith('u32:')).toBe(true);
    expect([...decodeIndices(text)]).toEqual([1, 70000]);
  });

  it('rejects text without a prefix', () => {
    expect(() => decodeIndices('AAAA')).toThrow(/prefix/);
  });
});

describe('encodeQuantized', () => {
  it('rounds within the maximum over 131070', () => {
    const values = Float32Array.from([0, 0.1234567, 0.5, 3.75, 9.999]);
    const decoded = decodeQuantized(encodeQuantized(values));
    values.forEach((value, position) => expect(Math.abs(decoded[position]! - value)).toBeLessThanOrEqual(9.999 / 131070 + 1e-6));
  });

  it('keeps all zeros', () => {
    expect([...decodeQuantized(encodeQuantized(new Float32Array(3)))]).toEqual([0, 0, 0]);
  });

  it('rejects text without a prefix', () => {
    expect(() => decodeQuantized('AAAA')).toThrow(/prefix/);
  });
});

describe('quantized', () => {
  it('returns what a cache round trip returns', () => {
    const values = Float32Array.from([0.3, 0.7, 1]);
    expect([...quantized(values)]).toEqual([...decodeQuantized(encodeQuantized(values))]);
  });

  it('is stable when applied twice', () => {
    const once = quantized(Float32Array.from([0.3, 0.7, 1]));
    expect([...quantized(once)]).toEqual([...once]);
  });
});
