import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dotenv from 'dotenv';
import { InputError } from '../errors/input-error.js';

/**
 * Returns the process environment merged over the variables of a `.env` file in the given
 * folder, so a variable set in the environment wins over the file unless it is blank. A missing file is fine;
 * process.env is not changed. Throws InputError when the file exists but cannot be read.
 */
export function loadEnvironment(folder = process.cwd(), env: Record<string, string | undefined> = process.env): Record<string, string | undefined> {
  const path = join(folder, '.env');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return env;
    throw new InputError(`cannot read ${path}: ${code ?? (error as Error).message}`, { hint: 'Fix the file permissions or remove the file', cause: error });
  }
  // A blank variable counts as unset, so it does not hide a value from the file.
  const set = Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== '');
  return { ...env, ...dotenv.parse(text), ...Object.fromEntries(set) };
}
