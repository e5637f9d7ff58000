import type { AlertDraft } from '../alert-schema.js';
import type { AlertInput } from '../alert-input.js';

/**
 * Reads one input format into an alert draft. Adding a format means adding one adapter and
 * listing it in the adapter registry; nothing downstream changes.
 */
export interface AlertAdapter {
  /** Value of `--input-format` that selects this adapter. */
  name: string;
  /** Short description for help text and "no format matched" errors. */
  label: string;
  /**
   * Returns how sure the adapter is that the input is in its format, from 0 (not at all) to
   * 1 (certain). It must be cheap: detection runs every adapter on every input.
   */
  detect(input: AlertInput): number;
  /** Reads the input. Throws InputError naming what is wrong when the input is malformed. */
  parse(input: AlertInput): AlertDraft;
}
