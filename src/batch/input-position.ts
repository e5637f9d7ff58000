/**
 * Where one alert sits in the input: the file (or "stdin") and its line for JSON Lines and
 * text, or its index for JSON arrays. A file read as one alert has neither.
 */
export interface InputPosition {
  file: string;
  /** Line number, counted from 1. */
  line?: number;
  /** Element index in a JSON array, counted from 0. */
  index?: number;
}

/** Formats a position the way error messages name it: "alerts.jsonl:12" or "queue.json[3]". */
export function formatPosition(position: InputPosition): string {
  if (position.line !== undefined) return `${position.file}:${position.line}`;
  if (position.index !== undefined) return `${position.file}[${position.index}]`;
  return position.file;
}

/** Returns the number that orders alerts within one file: the line, the index, or 0. */
export function positionOrdinal(position: InputPosition): number {
  return position.line ?? position.index ?? 0;
}
