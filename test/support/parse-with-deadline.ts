import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repositoryRoot } from './real-attack.js';

/**
 * Time after which a parse counts as hung. A good parse of these inputs takes milliseconds,
 * and catastrophic backtracking takes minutes to hours, so the margin covers a loaded machine.
 */
export const parseDeadlineMs = 20_000;

export interface DeadlineResult {
  /** True when the child was killed at the deadline. */
  timedOut: boolean;
  /** "alert", or the class name of the error thrown, such as "InputError". */
  outcome?: string;
  message?: string;
}

/**
 * Runs `parseAlert` from the built code (`dist/`, built by `npm test`) on the text in a child
 * process, and kills it at the deadline. A synchronous hang inside a test worker cannot be
 * interrupted, so tests of catastrophic backtracking parse here.
 */
export function parseWithDeadline(text: string, format?: string): DeadlineResult {
  const moduleUrl = pathToFileURL(join(repositoryRoot, 'dist/alert/parse-alert.js')).href;
  const script = [
    `const { parseAlert } = await import(${JSON.stringify(moduleUrl)});`,
    'const chunks = []; for await (const chunk of process.stdin) chunks.push(chunk);',
    'let result;',
    `try { parseAlert(Buffer.concat(chunks).toString('utf8'), { origin: 'sample', format: ${JSON.stringify(format ?? 'auto')} }); result = { outcome: 'alert' }; }`,
    'catch (error) { result = { outcome: error.constructor.name, message: error.message }; }',
    'process.stdout.write(JSON.stringify(result));',
  ].join('\n');
  const child = spawnSync(process.execPath, ['--input-type=module', '--eval', script], {
    input: text,
    timeout: parseDeadlineMs,
    maxBuffer: 1024 * 1024,
  });
  if (child.signal !== null) return { timedOut: true };
  return { timedOut: false, ...(JSON.parse(child.stdout.toString('utf8')) as Omit<DeadlineResult, 'timedOut'>) };
}
