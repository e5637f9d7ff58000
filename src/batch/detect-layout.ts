import { extname } from 'node:path';

/**
 * Arrangement of the alerts in a file: one per line (JSON Lines and line-based text such as syslog or
 * Zeek logs), as the elements of a JSON array, or the whole file as one alert.
 */
export type InputLayout = 'lines' | 'array' | 'whole';
export const inputLayoutChoices = ['auto', 'lines', 'array', 'whole'] as const;

const lineExtensions = new Set(['.jsonl', '.ndjson', '.log', '.tsv']);

function firstLineIsJson(head: string, start: number): boolean {
  const end = head.indexOf('\n', start);
  if (end === -1) return false;
  try {
    JSON.parse(head.slice(start, end));
  } catch {
    return false;
  }
  return head.slice(end + 1).trim() !== '';
}

/**
 * Detects the layout from the start of the input and its name. A leading "[" means a JSON
 * array. Files named .jsonl, .ndjson, .log or .tsv are read by line. A leading "{" whose
 * first line is complete JSON followed by more lines is JSON Lines, and otherwise the object is
 * one alert (pretty-printed JSON). Other text is one alert per file inside folders and for
 * .txt, .md and .json files, and one per line otherwise.
 */
export function detectLayout(head: string, name: string, inFolder: boolean): InputLayout {
  const start = head.search(/[^\s\uFEFF]/);
  const first = start === -1 ? '' : head[start];
  const extension = extname(name).toLowerCase();
  if (first === '[') return 'array';
  if (lineExtensions.has(extension)) return 'lines';
  if (first === '{') return firstLineIsJson(head, start) ? 'lines' : 'whole';
  if (inFolder || ['.txt', '.md', '.json'].includes(extension)) return 'whole';
  return 'lines';
}
