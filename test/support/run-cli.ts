import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repositoryRoot } from './real-attack.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI (`dist/cli/main.js`, built by `npm test`) with arguments, standard input
 * and extra environment variables, and collects its output. With `timeoutMs`, a CLI still
 * running then is killed and its result has a null code.
 */
export function runCli(args: string[], options: { input?: string | Buffer; env?: Record<string, string | undefined>; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repositoryRoot, 'dist/cli/main.js'), ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, ...options.env },
      ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs, killSignal: 'SIGKILL' as const }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
