import { InputError } from '../errors/input-error.js';
import { describeJsonError } from '../util/json-error-position.js';
import type { Alert } from './alert-schema.js';
import { createAlertInput, type AlertInput } from './alert-input.js';
import type { AlertAdapter } from './adapters/alert-adapter.js';
import { alertAdapters, findAdapter } from './adapters/alert-adapters.js';
import { makeAlert } from './make-alert.js';

/** Largest alert input, in bytes, that `explain` reads. */
export const maxInputBytes = 8 * 1024 * 1024;

export interface ParseAlertOptions {
  /** Adapter name from `--input-format`; "auto" or undefined detects the format. */
  format?: string;
  /** Source of the text (a file path or "stdin"), named in error messages. */
  origin?: string;
}

function supportedFormats(): string {
  return alertAdapters.map((adapter) => `${adapter.name} (${adapter.label})`).join('; ');
}

function checkText(text: string, origin: string): void {
  const bytes = Buffer.byteLength(text);
  if (bytes > maxInputBytes) {
    throw new InputError(`${origin}: the input is ${(bytes / 1024 / 1024).toFixed(1)} MB, more than the ${maxInputBytes / 1024 / 1024} MB limit for one alert`, {
      hint: 'Pass one alert at a time, or use "ids-explain batch" for files of many alerts',
    });
  }
  if (text.trim() === '') {
    throw new InputError(`${origin}: the input is empty`, {
      hint: 'Pass an alert as key/value text ("Description: ...") or as a JSON object',
    });
  }
  const nul = text.indexOf('\u0000');
  const sample = text.slice(0, 8192);
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (nul !== -1 || controls > sample.length * 0.05) {
    const where = nul !== -1 ? ` (NUL byte at offset ${nul})` : '';
    throw new InputError(`${origin}: the input looks binary, not text${where}`, {
      hint: 'Pass the alert as text: key/value lines or JSON',
    });
  }
}

function invalidJsonError(input: AlertInput): InputError {
  const { where, reason } = describeJsonError(input.text, input.jsonError);
  return new InputError(`${input.origin}: invalid JSON${where}: ${reason}`, {
    hint: 'Fix the JSON, or pass --input-format key-value if the text is not JSON',
    cause: input.jsonError,
  });
}

function chooseAdapter(input: AlertInput, format: string | undefined): AlertAdapter {
  if (format && format !== 'auto') {
    const adapter = findAdapter(format);
    if (!adapter) {
      throw new InputError(`unknown --input-format "${format}"`, {
        hint: `Use auto or one of: ${alertAdapters.map((candidate) => candidate.name).join(', ')}`,
      });
    }
    return adapter;
  }
  let best: { adapter: AlertAdapter; confidence: number } | undefined;
  for (const adapter of alertAdapters) {
    const confidence = adapter.detect(input);
    if (confidence > 0 && (!best || confidence > best.confidence)) best = { adapter, confidence };
  }
  if (best) return best.adapter;
  if (input.jsonError !== undefined) throw invalidJsonError(input);
  throw new InputError(`${input.origin}: the input matches no supported alert format`, {
    hint: `Supported formats: ${supportedFormats()}. Force one with --input-format`,
  });
}

/**
 * Reads one alert from text: checks size and encoding, detects the format (or uses the one
 * given), runs that adapter and validates the result. Throws InputError with a one-line
 * reason and a next step for empty, binary, oversized, malformed or description-less input.
 */
export function parseAlert(text: string, options: ParseAlertOptions = {}): Alert {
  const origin = options.origin ?? 'input';
  checkText(text, origin);
  const input = createAlertInput(text.replace(/^\uFEFF/, ''), origin);
  const adapter = chooseAdapter(input, options.format);
  if (input.jsonError !== undefined && adapter.name === 'json') throw invalidJsonError(input);
  return makeAlert(adapter.parse(input), origin);
}
