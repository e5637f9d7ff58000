/** Encodes a typed array's bytes as base64, for JSON cache entries. */
export function encodeTypedArray(array: Float32Array | Uint32Array | Uint16Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

function decodeBytes(text: string): ArrayBuffer {
  const bytes = Buffer.from(text, 'base64');
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

/** Decodes base64 made by encodeTypedArray from a Float32Array. */
export function decodeFloat32(text: string): Float32Array {
  return new Float32Array(decodeBytes(text));
}

/** Decodes base64 made by encodeTypedArray from a Uint32Array. */
export function decodeUint32(text: string): Uint32Array {
  return new Uint32Array(decodeBytes(text));
}

/**
 * Encodes non-negative integers such as document numbers in 16 bits when every value fits,
 * otherwise in 32 bits. The text starts with "u16:" or "u32:".
 */
export function encodeIndices(values: Uint32Array): string {
  const fits = values.every((value) => value <= 0xffff);
  return fits ? `u16:${encodeTypedArray(Uint16Array.from(values))}` : `u32:${encodeTypedArray(values)}`;
}

/** Decodes encodeIndices output. Throws on text without a known prefix. */
export function decodeIndices(text: string): Uint16Array | Uint32Array {
  if (text.startsWith('u16:')) return new Uint16Array(decodeBytes(text.slice(4)));
  if (text.startsWith('u32:')) return new Uint32Array(decodeBytes(text.slice(4)));
  throw new Error('Internal error: cached index numbers lack their "u16:" or "u32:" prefix.');
}

/**
 * Encodes non-negative numbers as 16-bit fractions of their maximum, which halves the cache
 * entry. The rounding error is at most maximum / 131070. The text is "q16:MAX:BASE64".
 */
export function encodeQuantized(values: Float32Array): string {
  let maximum = 0;
  for (const value of values) if (value > maximum) maximum = value;
  const scale = maximum > 0 ? 0xffff / maximum : 0;
  return `q16:${maximum}:${encodeTypedArray(Uint16Array.from(values, (value) => Math.round(value * scale)))}`;
}

/** Decodes encodeQuantized output. Throws on text without the "q16:" layout. */
export function decodeQuantized(text: string): Float32Array {
  const match = /^q16:([^:]+):/.exec(text);
  if (!match) throw new Error('Internal error: cached quantized numbers lack their "q16:" prefix.');
  const step = Number(match[1]) / 0xffff;
  const levels = new Uint16Array(decodeBytes(text.slice(match[0].length)));
  // A plain loop, because Float32Array.from with a mapping function made the warm load of the
  // mapping index more than twice as slow on Node 20.
  const values = new Float32Array(levels.length);
  for (let position = 0; position < levels.length; position += 1) values[position] = levels[position]! * step;
  return values;
}

/**
 * Returns the values that a cache round trip through encodeQuantized returns, so that an
 * index scores the same when built as when loaded from the cache.
 */
export function quantized(values: Float32Array): Float32Array {
  return decodeQuantized(encodeQuantized(values));
}
