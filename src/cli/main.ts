#!/usr/bin/env node
import { CommanderError } from 'commander';
import { exitCodes, IdsExplainError } from '../errors/ids-explain-error.js';
import { createLogger, type LogLevel } from '../logging/logger.js';
import { createProgram } from './create-program.js';
import type { CommandContext } from './commands/explain-command.js';

let debug = process.argv.includes('--log-level=debug') || /(^|\s)--log-level\s+debug(\s|$)/.test(process.argv.join(' '));

async function createContext(logLevel: string | undefined): Promise<CommandContext> {
  const { readEnvironment, resolveLogLevel } = await import('../config/environment.js');
  const environment = readEnvironment();
  const level: LogLevel = resolveLogLevel(logLevel, environment);
  debug = level === 'debug';
  return { environment, logger: createLogger({ level }), stdout: process.stdout };
}

function report(error: unknown): number {
  if (error instanceof IdsExplainError) {
    process.stderr.write(`ids-explain: ${error.userMessage}\n`);
    if (debug && error.cause) process.stderr.write(`${(error.cause as Error).stack ?? String(error.cause)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`ids-explain: internal error: ${message}${debug ? '' : ' (rerun with --log-level debug for details)'}\n`);
  if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
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
