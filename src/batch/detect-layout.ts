import { extname } from 'node:path';

/**
 * Arrangement of the alerts in a file: one per line (JSON Lines and line-based text such as syslog or
 * Zeek logs), as the elements of a JSON array, or the whole file as one alert.
 */
export type InputLayout = 'lines' | 'array' | 'whole';
export const inputLayoutChoices = ['auto', 'lines', 'array', 'whole'] as const;

const lineExtensions = new Set(['.jsonl', '.ndjson', '.log', '.tsv']);

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Tells whether the head reads as JSON Lines: its first line is complete JSON followed by more
 * text, or a later complete line is an unindented JSON object. The second case keeps a queue
 * whose first record was cut (by a crash or a size limit) from being read as one broken alert.
 * Pretty-printed JSON never qualifies, because its inner lines are indented.
 */
function readsAsJsonLines(head: string, start: number): boolean {
  const end = head.indexOf('\n', start);
  if (end === -1) return false;
  if (parsesAsJson(head.slice(start, end))) return head.slice(end + 1).trim() !== '';
  const later = head.slice(end + 1).split('\n').slice(0, -1);
  return later.some((line) => line.startsWith('{') && parsesAsJson(line));
}

/**
 * Detects the layout from the start of the input and its name. A leading "[" means a JSON
 * array. Files named .jsonl, .ndjson, .log or .tsv are read by line. A leading "{" is JSON
 * Lines when its first line is complete JSON followed by more lines, or when a later line is a
 * complete unindented object. Otherwise the object is one alert (pretty-printed JSON). Other text is one alert per file inside folders and for
 * .txt, .md and .json files, and one per line otherwise.
 */
export function detectLayout(head: string, name: string, inFolder: boolean): InputLayout {
  const start = head.search(/[^\s\uFEFF]/);
  const first = start === -1 ? '' : head[start];
  const extension = extname(name).toLowerCase();
  if (first === '[') return 'array';
  if (lineExtensions.has(extension)) return 'lines';
  if (first === '{') return readsAsJsonLines(head, start) ? 'lines' : 'whole';
  if (inFolder || ['.txt', '.md', '.json'].includes(extension)) return 'whole';
  return 'lines';
}
