import { InputError } from '../errors/input-error.js';
import type { Alert } from './alert-schema.js';
import { createAlertInput, type AlertInput } from './alert-input.js';
import { cutJsonError } from './cut-json-error.js';
import type { AlertAdapter } from './adapters/alert-adapter.js';
import { alertAdapters, findAdapter } from './adapters/alert-adapters.js';
import { describeOversize } from './describe-oversize.js';
import { detectAdapter } from './detect-adapter.js';
import { invalidJsonError } from './invalid-json-error.js';
import { makeAlert } from './make-alert.js';

/** Largest alert input, in bytes, that `explain` reads. */
export const maxInputBytes = 8 * 1024 * 1024;

export interface ParseAlertOptions {
  /** Adapter name from `--input-format`; "auto" or undefined detects the format. */
  format?: string;
  /** Source of the text (a file path or "stdin"), named in error messages. */
  origin?: string;
  /** Time of reading, used to infer the year of syslog and Snort timestamps; defaults to now. */
  referenceTime?: Date;
  /** Remarks about reading the input that the caller made, such as bytes that were not UTF-8. */
  notes?: string[];
}

function supportedFormats(): string {
  return alertAdapters.map((adapter) => `${adapter.name} (${adapter.label})`).join('; ');
}

function checkText(text: string, origin: string): void {
  const bytes = Buffer.byteLength(text);
  if (bytes > maxInputBytes) {
    throw new InputError(`${origin}: the input is ${describeOversize(bytes, maxInputBytes)} for one alert`, {
      hint: 'Pass one alert at a time, or use "ids-explain batch" for files of many alerts',
    });
  }
  if (text.trim() === '') {
    throw new InputError(`${origin}: the input is empty`, {
      hint: 'Pass an alert as a sensor wrote it, such as an EVE JSON record or a syslog line, or as key/value text ("Description: ...")',
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

function countJsonLines(text: string): number {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length < 2) return 0;
  try {
    JSON.parse(lines[0]!);
    JSON.parse(lines[1]!);
    return lines.length;
  } catch {
    return 0;
  }
}

function unreadableJsonError(input: AlertInput): InputError {
  const records = countJsonLines(input.text);
  if (records > 0) {
    return new InputError(`${input.origin}: the input has ${records} lines of JSON records; "explain" reads one`, {
      hint: 'Pass one record, or use "ids-explain batch" for JSON Lines files',
    });
  }
  return invalidJsonError(input);
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
  const best = detectAdapter(input, alertAdapters);
  if (best) return best.adapter;
  if (input.jsonError !== undefined && !input.partialJson) throw unreadableJsonError(input);
  throw new InputError(`${input.origin}: the input matches no supported alert format`, {
    hint: `Supported formats: ${supportedFormats()}. Force one with --input-format`,
  });
}

/**
 * Reads one alert from text: checks size and encoding, detects the format (or uses the one
 * given), runs that adapter and validates the result. A JSON record that was cut short is
 * read up to the cut, with a note, and reported as invalid JSON when that part is no alert. Throws InputError with a one-line reason and a next step
 * for empty, binary, oversized, malformed, unrecognised or description-less input.
 */
export function parseAlert(text: string, options: ParseAlertOptions = {}): Alert {
  const origin = options.origin ?? 'input';
  checkText(text, origin);
  const input = createAlertInput(text.replace(/^\uFEFF/, ''), origin, options.referenceTime ?? new Date());
  const adapter = chooseAdapter(input, options.format);
  if (input.jsonError !== undefined && !input.partialJson && adapter.name === 'json') throw unreadableJsonError(input);
  try {
    const draft = adapter.parse(input);
    if (options.notes?.length) draft.notes = [...options.notes, ...(draft.notes ?? [])];
    return makeAlert(draft, origin);
  } catch (error) {
    // A cut record is read as far as it goes. When that part is no alert, the cut is the
    // reason to report, since the missing field is most likely after it.
    if (input.partialJson && input.json === undefined && error instanceof InputError) throw cutJsonError(input, error);
    throw error;
  }
}
