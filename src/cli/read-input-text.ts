import { readFileSync } from 'node:fs';
import { InputError } from '../errors/input-error.js';

async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Reads the text of a file, or standard input when the path is "-" or absent. Throws
 * InputError naming the file when it cannot be read, or when standard input is a terminal.
 */
export async function readInputText(path: string | undefined, stdin: NodeJS.ReadStream = process.stdin): Promise<{ text: string; origin: string }> {
  if (path === undefined || path === '-') {
    if (stdin.isTTY) {
      throw new InputError('no alert given: pass a file, or pipe the alert on standard input', {
        hint: 'Example: ids-explain explain fixtures/alerts/atsvc-remote-task.txt',
      });
    }
    return { text: await readStdin(stdin), origin: 'stdin' };
  }
  try {
    return { text: readFileSync(path, 'utf8'), origin: path };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new InputError(`cannot read ${path}: ${reason}`, { hint: 'Check the path', cause: error });
  }
}
