import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors/input-error.js';

/** One input to read: a file, or standard input. */
export interface InputFile {
  /** File path, or "-" for standard input. */
  path: string;
  /** Name used in positions and messages: the path as given, or "stdin". */
  name: string;
  /** Size in bytes; undefined for standard input. */
  size?: number;
  /** True for files found inside a folder, which are read as one alert each unless detected otherwise. */
  inFolder: boolean;
}

function describeError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
  return new InputError(`cannot read ${path}: ${reason}`, { hint: 'Check the path', cause: error });
}

function byName(first: { name: string }, second: { name: string }): number {
  if (first.name === second.name) return 0;
  return first.name < second.name ? -1 : 1;
}

function walkFolder(folder: string, into: InputFile[]): void {
  const entries = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .sort(byName);
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) walkFolder(path, into);
    else if (entry.isFile()) into.push({ path, name: path, size: statSync(path).size, inFolder: true });
  }
}

/**
 * Expands the command's inputs into the files to read, in order: files as given, folders
 * walked recursively in name order (hidden entries skipped), "-" as standard input. No
 * inputs means standard input. Throws InputError for a path that cannot be read, or for a
 * file or standard input named twice: both copies would share positions, and a resumed run
 * would then take one copy's records for the other's.
 */
export function expandInputs(inputs: string[]): InputFile[] {
  const files: InputFile[] = [];
  const paths = inputs.length > 0 ? inputs : ['-'];
  if (paths.filter((path) => path === '-').length > 1) {
    throw new InputError('standard input ("-") is named more than once', { hint: 'Name "-" once' });
  }
  for (const path of paths) {
    if (path === '-') {
      files.push({ path, name: 'stdin', inFolder: false });
      continue;
    }
    try {
      const stats = statSync(path);
      if (stats.isDirectory()) walkFolder(path, files);
      else files.push({ path, name: path, size: stats.size, inFolder: false });
    } catch (error) {
      throw describeError(path, error);
    }
  }
  rejectRepeatedFiles(files);
  return files;
}

function rejectRepeatedFiles(files: InputFile[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    if (file.path === '-') continue;
    const real = realpathSync(file.path);
    const earlier = seen.get(real);
    if (earlier !== undefined) {
      const message = earlier === file.name ? `${file.name} would be read twice` : `${earlier} and ${file.name} are the same file`;
      throw new InputError(message, { hint: 'Name each file or folder once, so that every alert is read once' });
    }
    seen.set(real, file.name);
  }
}
