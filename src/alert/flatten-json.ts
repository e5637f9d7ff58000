import type { FieldEntry } from './assign-fields.js';

/**
 * Flattens a JSON object into dotted paths with scalar values. Arrays of scalars become one
 * entry per element under the same path; arrays of objects get their index in the path.
 */
export function flattenJson(value: unknown, prefix = '', entries: FieldEntry[] = []): FieldEntry[] {
  if (value === null || value === undefined) return entries;
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const isScalar = item === null || typeof item !== 'object';
      flattenJson(item, isScalar ? prefix : `${prefix}.${index}`, entries);
    });
    return entries;
  }
  if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      flattenJson(child, prefix ? `${prefix}.${key}` : key, entries);
    }
    return entries;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    entries.push({ path: prefix || 'value', value });
  }
  return entries;
}
