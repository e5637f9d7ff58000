/**
 * Splits text into words: runs of non-space characters with surrounding punctuation removed,
 * keeping only those that contain a letter or a digit. Addresses, paths and IDs such as
 * "10.2.2.10" or "T1053.002" count as one word each.
 */
export function splitWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}$]+$/gu, ''))
    .filter((token) => /[\p{L}\p{N}]/u.test(token));
}
