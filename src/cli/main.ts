#!/usr/bin/env node
import { CommanderError } from 'commander';
import { hideSecrets, SecretValue } from '../config/secret-value.js';
import { exitCodes, IdsExplainError } from '../errors/ids-explain-error.js';
import { createLogger, type LogLevel } from '../logging/logger.js';
import { showControlCharacters } from '../util/show-control-characters.js';
import { createProgram } from './create-program.js';
import type { CommandContext } from './commands/explain-command.js';

/** Secrets from the environment, such as the API key, hidden from every line written to standard error. */
let secrets: SecretValue[] = [];

let debug = process.argv.includes('--log-level=debug') || /(^|\s)--log-level\s+debug(\s|$)/.test(process.argv.join(' '));

async function createContext(logLevel: string | undefined): Promise<CommandContext> {
  const [{ readEnvironment, resolveLogLevel, secretVariables }, { loadEnvironment }] = await Promise.all([
    import('../config/environment.js'),
    import('../config/load-environment.js'),
  ]);
  const environment = readEnvironment(loadEnvironment());
  secrets = secretVariables.flatMap((name) => {
    const value = environment[name as keyof typeof environment];
    return typeof value === 'string' && value !== '' ? [new SecretValue(value)] : [];
  });
  const level: LogLevel = resolveLogLevel(logLevel, environment);
  debug = level === 'debug';
  return { environment, logger: createLogger({ level, stream: terminalSafeStderr }), stdout: process.stdout };
}

/**
 * Standard error for log lines. Library code logs values from the input, such as field
 * names, so each line is written as one line with its control characters shown as escapes.
 */
const terminalSafeStderr = {
  write: (chunk: string) => writeError(`${showControlCharacters(chunk.replace(/\n$/, ''))}\n`),
};

/** Writes to standard error with every known secret replaced by "[redacted]". */
function writeError(text: string): void {
  process.stderr.write(hideSecrets(text, secrets));
}

/**
 * Returns a message as one line that is safe on a terminal. Messages quote input values, such
 * as field names, which may contain line breaks and escape sequences.
 */
function oneLine(message: string): string {
  const lines = message.split(/\r\n|\r|\n/).map((line) => line.trim());
  return showControlCharacters(lines.filter((line) => line !== '').join(' '));
}

function report(error: unknown): number {
  if (error instanceof IdsExplainError) {
    writeError(`ids-explain: ${oneLine(error.userMessage)}\n`);
    if (debug && error.cause) writeError(`${(error.cause as Error).stack ?? String(error.cause)}\n`);
    return error.exitCode;
  }
  const message = oneLine(error instanceof Error ? error.message : String(error));
  writeError(`ids-explain: internal error: ${message}${debug ? '' : ' (rerun with --log-level debug for details)'}\n`);
  if (debug && error instanceof Error) writeError(`${error.stack}\n`);
  return exitCodes.internal;
}

async function main(): Promise<number> {
  const program = createProgram(createContext);
  try {
    await program.parseAsync(process.argv);
    return exitCodes.success;
  } catch (error) {
    if (error instanceof CommanderError) {
      const done = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      return done ? exitCodes.success : exitCodes.usage;
    }
    return report(error);
  }
}

process.exitCode = await main();
