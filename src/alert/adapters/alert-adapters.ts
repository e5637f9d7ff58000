import type { AlertAdapter } from './alert-adapter.js';
import { genericJsonAdapter } from './generic-json-adapter.js';
import { keyValueAdapter } from './key-value-adapter.js';

/**
 * Every input format ids-explain reads, most specific first. Detection asks each adapter for
 * a confidence and the highest wins; on a tie the earlier adapter wins.
 */
export const alertAdapters: readonly AlertAdapter[] = [keyValueAdapter, genericJsonAdapter];

/** Returns the adapter selected by an `--input-format` value, or undefined. */
export function findAdapter(name: string): AlertAdapter | undefined {
  return alertAdapters.find((adapter) => adapter.name === name);
}
