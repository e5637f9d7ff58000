/** Process exit codes shared by every command. */
export const exitCodes = {
  success: 0,
  internal: 1,
  usage: 2,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

export interface IdsExplainErrorOptions {
  /** Exit code the CLI uses when this error ends a command. */
  exitCode?: ExitCode;
  /** What the user can do next, appended to the message on its own sentence. */
  hint?: string;
  cause?: unknown;
}

/**
 * Base class of every error that ids-explain raises on purpose. The CLI prints `message`
 * (and `hint`) on one line and exits with `exitCode`; stack traces appear only at debug level.
 */
export class IdsExplainError extends Error {
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;

  constructor(message: string, options: IdsExplainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? exitCodes.internal;
    this.hint = options.hint;
  }

  /** Message and hint as the one line that the CLI prints. */
  get userMessage(): string {
    return this.hint ? `${this.message}. ${this.hint}` : this.message;
  }
}
