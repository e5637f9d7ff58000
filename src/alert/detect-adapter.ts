import type { AlertAdapter } from './adapters/alert-adapter.js';
import type { AlertInput } from './alert-input.js';

/** The adapter that recognises an input most surely, with its confidence from 0 to 1. */
export interface DetectedAdapter {
  adapter: AlertAdapter;
  confidence: number;
}

/**
 * Returns the adapter most confident that the input is in its format, or the earlier one on a
 * tie. Returns undefined when no adapter recognises the input.
 */
export function detectAdapter(input: AlertInput, adapters: readonly AlertAdapter[]): DetectedAdapter | undefined {
  let best: DetectedAdapter | undefined;
  for (const adapter of adapters) {
    const confidence = adapter.detect(input);
    if (confidence > 0 && (!best || confidence > best.confidence)) best = { adapter, confidence };
  }
  return best;
}
