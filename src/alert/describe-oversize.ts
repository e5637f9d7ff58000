function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * Describes a size over a limit for an error message, such as "5.0 MB, more than the 1.0 MB
 * limit". When both round to the same label, it gives exact byte counts instead, because
 * "1.0 MB, more than the 1.0 MB limit" reads as a contradiction.
 */
export function describeOversize(bytes: number, limit: number): string {
  const size = sizeLabel(bytes);
  const max = sizeLabel(limit);
  if (size !== max) return `${size}, more than the ${max} limit`;
  return `${bytes.toLocaleString('en-US')} bytes, more than the ${limit.toLocaleString('en-US')}-byte limit`;
}
