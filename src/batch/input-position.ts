/**
 * Where one alert sits in the input: the file (or "stdin") and its line for JSON Lines and
 * text, or its index for JSON arrays. A file read as one alert has neither. For an alert read
 * from a Redis stream, `file` is the stream's name and `messageId` the entry ID.
 */
export interface InputPosition {
  file: string;
  /** Line number, counted from 1. */
  line?: number;
  /** Element index in a JSON array, counted from 0. */
  index?: number;
  /** Entry ID in a Redis stream, such as "1717000000000-0". */
  messageId?: string;
}

/**
 * Formats a position the way error messages name it: "alerts.jsonl:12", "queue.json[3]" or,
 * for a stream entry, "alerts#1717000000000-0".
 */
export function formatPosition(position: InputPosition): string {
  if (position.line !== undefined) return `${position.file}:${position.line}`;
  if (position.index !== undefined) return `${position.file}[${position.index}]`;
  if (position.messageId !== undefined) return `${position.file}#${position.messageId}`;
  return position.file;
}

/** Returns the number that orders alerts within one file: the line, the index, or 0. */
export function positionOrdinal(position: InputPosition): number {
  return position.line ?? position.index ?? 0;
}
