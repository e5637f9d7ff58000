import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { CliResult } from './run-cli.js';
import { repositoryRoot } from './real-attack.js';

/**
 * Starts the built CLI without waiting for it, so that a test can signal or kill it, and
 * returns the child process with a promise of its result and the signal that ended it.
 */
export function startCli(args: string[], env: Record<string, string | undefined> = {}): ChildProcess & { result: Promise<CliResult & { signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, [join(repositoryRoot, 'dist/cli/main.js'), ...args], { cwd: repositoryRoot, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end();
  const result = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return Object.assign(child, { result });
}
