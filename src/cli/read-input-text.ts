import { readFileSync } from 'node:fs';
import { InputError } from '../errors/input-error.js';
import { decodeInput, type DecodedInput } from './decode-input.js';

async function readStdin(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * Reads and decodes the text of a file, or of standard input when the path is "-" or absent.
 * Throws InputError naming the file when it cannot be read, or when standard input is a
 * terminal.
 */
export async function readInputText(path: string | undefined, stdin: NodeJS.ReadStream = process.stdin): Promise<DecodedInput & { origin: string }> {
  if (path === undefined || path === '-') {
    if (stdin.isTTY) {
      throw new InputError('no alert given: pass a file, or pipe the alert on standard input', {
        hint: 'Example: ids-explain explain fixtures/alerts/atsvc-remote-task.txt',
      });
    }
    return { ...decodeInput(await readStdin(stdin)), origin: 'stdin' };
  }
  try {
    return { ...decodeInput(readFileSync(path)), origin: path };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new InputError(`cannot read ${path}: ${reason}`, { hint: 'Check the path', cause: error });
  }
}
