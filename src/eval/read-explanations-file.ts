import { readFileSync } from 'node:fs';
import { InputError } from '../errors/input-error.js';

/** Explanations recorded for one case: of its alert, and of the alert without its hostile field. */
export interface RecordedExplanations {
  main?: unknown;
  baseline?: unknown;
}

function describeLine(path: string, number: number): string {
  return `${path} line ${number}`;
}

function readLine(line: string, where: string): { id: string; variant: 'main' | 'baseline'; value: unknown } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new InputError(`${where}: invalid JSON: ${(error as Error).message}`, { hint: 'Write one JSON explanation per line', cause: error });
  }
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (typeof record?.id !== 'string' || record.id === '') {
    throw new InputError(`${where}: the explanation has no "id"`, { hint: 'Add "id" with the case id of the suite to each line' });
  }
  const variant = record.variant ?? 'main';
  if (variant !== 'main' && variant !== 'baseline') {
    throw new InputError(`${where}: invalid "variant" ${JSON.stringify(variant)}`, { hint: 'Use "baseline" for the alert without its hostile field, or leave it out' });
  }
  const { id, variant: _variant, ...explanation } = record;
  return { id, variant, value: explanation };
}

/**
 * Reads explanations produced elsewhere: one JSON explanation per line, in the explanation
 * schema, with an `id` naming the suite case and, for hostile cases, a second line with
 * `"variant": "baseline"` explaining the alert without its hostile field. Blank lines are
 * skipped. Throws InputError naming the line for invalid JSON, a missing id or a repeated one.
 */
export function readExplanationsFile(path: string): Map<string, RecordedExplanations> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`, { hint: 'Check the --explanations path', cause: error });
  }
  const recorded = new Map<string, RecordedExplanations>();
  text.split(/\r?\n/).forEach((line, position) => {
    if (line.trim() === '') return;
    const where = describeLine(path, position + 1);
    const { id, variant, value } = readLine(line, where);
    const entry = recorded.get(id) ?? {};
    if (entry[variant] !== undefined) {
      throw new InputError(`${where}: a second ${variant} explanation for case "${id}"`, { hint: 'Keep one line per case and variant' });
    }
    entry[variant] = value;
    recorded.set(id, entry);
  });
  return recorded;
}
