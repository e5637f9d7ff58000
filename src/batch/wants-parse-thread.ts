import type { InputFile } from './expand-inputs.js';

/** Input size from which `auto` parses in a thread: about 2,500 alerts of 400 bytes. */
export const parseThreadMinBytes = 1024 * 1024;

/**
 * Tells whether a batch job should parse its alerts in a thread of its own. `auto` returns true
 * for files of 1 MiB or more in total, where the second core saves more than the thread's
 * start-up (about 0.1 s) costs, and false for standard input, whose size is unknown.
 */
export function wantsParseThread(mode: 'auto' | 'on' | 'off', files: InputFile[]): boolean {
  if (mode !== 'auto') return mode === 'on';
  if (files.some((file) => file.path === '-')) return false;
  return files.reduce((sum, file) => sum + (file.size ?? 0), 0) >= parseThreadMinBytes;
}
