import { inspect } from 'node:util';

/**
 * A secret such as an API key. It prints as "[redacted]" through String(), JSON.stringify and
 * util.inspect, so a logged or serialised settings object never shows it; `reveal()` returns it.
 */
export class SecretValue {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** Returns the secret itself, for the one place that must send it. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return '[redacted]';
  }

  toJSON(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return '[redacted]';
  }
}

/** Replaces every occurrence of the secrets in a text with "[redacted]". */
export function hideSecrets(text: string, secrets: (SecretValue | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    const value = secret?.reveal();
    // Very short values would blank out ordinary words; no real API key is that short.
    if (value && value.length >= 8) result = result.split(value).join('[redacted]');
  }
  return result;
}
