export interface TerminalStyle {
  heading(text: string): string;
  emphasis(text: string): string;
}

const plain: TerminalStyle = { heading: (text) => text, emphasis: (text) => text };
const ansi: TerminalStyle = {
  heading: (text) => `\u001b[1;36m${text}\u001b[0m`,
  emphasis: (text) => `\u001b[1m${text}\u001b[0m`,
};

/**
 * Chooses ANSI styling for a terminal. Colour is used only when the stream is a TTY and
 * `NO_COLOR` is unset or empty (https://no-color.org); `FORCE_COLOR` turns it on anyway.
 */
export function terminalStyle(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): TerminalStyle {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return plain;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== '') return ansi;
  return stream.isTTY ? ansi : plain;
}

export const plainStyle = plain;
