import { readFileSync } from 'node:fs';
import { InputError } from '../../errors/input-error.js';
import { labelledRuleSchema, type LabelledRule } from './labelled-rule.js';

function parseLine(line: string, where: string): LabelledRule {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new InputError(`${where}: invalid JSON: ${(error as Error).message}`, {
      hint: 'Write one JSON object per line with id, title, description, logsource and techniques',
      cause: error,
    });
  }
  const result = labelledRuleSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || 'line';
    throw new InputError(`${where}: invalid field "${field}": ${issue?.message}`, {
      hint: 'Each line needs a string id and title and a techniques array such as ["T1053.002"]',
    });
  }
  return result.data;
}

/**
 * Reads labelled rules from JSON Lines text; blank lines are skipped. Throws InputError naming
 * the line when a line is not JSON or lacks a required field.
 */
export function parseLabelledRules(text: string, origin: string): LabelledRule[] {
  const rules: LabelledRule[] = [];
  const lines = text.split(/\r?\n/);
  for (const [position, line] of lines.entries()) {
    if (line.trim() === '') continue;
    rules.push(parseLine(line, `${origin} line ${position + 1}`));
  }
  return rules;
}

/** Reads a JSON Lines file of labelled rules. Throws InputError when it cannot be read or parsed. */
export function readLabelledRules(path: string): LabelledRule[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      hint: 'Check the path of the labelled rules file',
      cause: error,
    });
  }
  return parseLabelledRules(text, path);
}
