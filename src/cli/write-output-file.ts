import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors/input-error.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';

function outputFileError(option: string, path: string, reason: string, cause?: unknown): InputError {
  return new InputError(`cannot write ${option} ${path}: ${reason}`, {
    hint: `Pass a ${option} path in a folder you can write to`,
    ...(cause !== undefined ? { cause } : {}),
  });
}

/**
 * Checks before a long job that the file an option names can be written: the path is not a
 * folder, and its folder exists or can be created and is writable. Creates that folder.
 * Throws InputError naming the option and the path otherwise.
 */
export function checkOutputFile(option: string, path: string): void {
  if (existsSync(path) && statSync(path).isDirectory()) throw outputFileError(option, path, 'it is a folder');
  const folder = dirname(resolve(path));
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw outputFileError(option, path, (error as Error).message, error);
  }
}

/**
 * Writes the file an option names, atomically. Throws InputError naming the option and the
 * path when the write fails.
 */
export function writeOutputFile(option: string, path: string, content: string): void {
  try {
    writeFileAtomic(path, content);
  } catch (error) {
    throw outputFileError(option, path, (error as Error).message, error);
  }
}
