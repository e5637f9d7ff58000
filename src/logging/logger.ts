import { format } from 'node:util';

export const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** Levelled logger that every library function receives from its caller. */
export interface Logger {
  readonly level: LogLevel;
  debug(message: string, ...values: unknown[]): void;
  info(message: string, ...values: unknown[]): void;
  warn(message: string, ...values: unknown[]): void;
  error(message: string, ...values: unknown[]): void;
  isEnabled(level: LogLevel): boolean;
}

export interface CreateLoggerOptions {
  level?: LogLevel;
  /** Destination for log lines; standard error by default so stdout stays machine-readable. */
  stream?: { write(chunk: string): unknown };
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Creates a logger that writes `level: message` lines to a stream, standard error by default. */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const level = options.level ?? 'warn';
  const stream = options.stream ?? process.stderr;
  const isEnabled = (candidate: LogLevel) => candidate !== 'silent' && rank[candidate] >= rank[level];
  const write = (candidate: LogLevel, message: string, values: unknown[]) => {
    if (isEnabled(candidate)) stream.write(`${candidate}: ${format(message, ...values)}\n`);
  };

  return {
    level,
    isEnabled,
    debug: (message, ...values) => write('debug', message, values),
    info: (message, ...values) => write('info', message, values),
    warn: (message, ...values) => write('warn', message, values),
    error: (message, ...values) => write('error', message, values),
  };
}

/** Logger that drops everything; the default for library calls made without one. */
export const silentLogger: Logger = createLogger({ level: 'silent' });
