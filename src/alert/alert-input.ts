/** Raw alert text with its JSON parse attempted once, shared by every adapter's detect step. */
export interface AlertInput {
  text: string;
  /** Where the text came from (a file path or "stdin"), for error messages. */
  origin: string;
  /** Parsed value when the whole text is valid JSON. */
  json?: unknown;
  /** The JSON.parse error when the text looks like JSON but does not parse. */
  jsonError?: unknown;
}

/** Wraps alert text, parsing it as JSON when it starts like JSON. */
export function createAlertInput(text: string, origin: string): AlertInput {
  const input: AlertInput = { text, origin };
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      input.json = JSON.parse(text);
    } catch (error) {
      input.jsonError = error;
    }
  }
  return input;
}
