import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { realAttackPath, repositoryRoot } from '../support/real-attack.js';

export const cliPath = join(repositoryRoot, 'dist/cli/main.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the built CLI with the real ATT&CK data and the test worker's folders. */
export function startCli(args: string[], input?: string): ChildProcess & { result: Promise<CliResult> } {
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: { ...process.env, IDS_EXPLAIN_ATTACK: realAttackPath() },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin!.end(input ?? '');
  const result = new Promise<CliResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return Object.assign(child, { result });
}

/** Runs the built CLI to the end. */
export function runCli(args: string[], input?: string): Promise<CliResult> {
  return startCli(args, input).result;
}
