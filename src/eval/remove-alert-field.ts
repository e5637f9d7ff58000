import { InputError } from '../errors/input-error.js';

function deleteJsonPath(value: unknown, segments: string[]): boolean {
  if (typeof value !== 'object' || value === null || segments.length === 0) return false;
  const container = value as Record<string, unknown>;
  // Try the longest key first, so flattened names such as "user_agent.original" also work.
  for (let length = segments.length; length >= 1; length -= 1) {
    const key = segments.slice(0, length).join('.');
    if (!Object.hasOwn(container, key)) continue;
    if (length === segments.length) {
      if (Array.isArray(container)) container.splice(Number(key), 1);
      else delete container[key];
      return true;
    }
    if (deleteJsonPath(container[key], segments.slice(length))) return true;
  }
  return false;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function removeFromKeyValue(text: string, path: string): string | undefined {
  const key = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A "Key: value" pair runs to the line end or to the next "; Key:" on the same line.
  const pair = new RegExp(String.raw`(^|;)[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?${key}(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[^\n]*?(?=;[ \t]*(?:\*\*|__)?[A-Za-z@][\w&/()@. -]{0,50}?(?:\*\*|__)?[ \t]*:|\n|$)`, 'gim');
  let found = false;
  const result = text.replace(pair, (_match, start: string) => {
    found = true;
    return start === ';' ? '' : start;
  });
  return found ? result.replace(/^;[ \t]*/gm, '').replace(/^[ \t]*\n/gm, '') : undefined;
}

/**
 * Returns alert text without one field, for comparing an explanation with and without an
 * attacker-written value. JSON objects (also after a syslog prefix) take a dotted path such
 * as `http.http_user_agent`; key/value text takes the key as written, such as `User-Agent`.
 * Throws InputError when the field is not found or the text is in neither form.
 */
export function removeAlertField(text: string, path: string): string {
  const whole = parseJson(text);
  if (whole !== undefined) {
    if (!deleteJsonPath(whole, path.split('.'))) throw fieldNotFound(path, 'JSON');
    return `${JSON.stringify(whole, null, 2)}\n`;
  }
  const brace = text.indexOf('{');
  const embedded = brace > 0 ? parseJson(text.slice(brace)) : undefined;
  if (embedded !== undefined) {
    if (!deleteJsonPath(embedded, path.split('.'))) throw fieldNotFound(path, 'JSON');
    return `${text.slice(0, brace)}${JSON.stringify(embedded)}\n`;
  }
  const withoutPair = removeFromKeyValue(text, path);
  if (withoutPair !== undefined) return withoutPair;
  throw fieldNotFound(path, 'key/value');
}

function fieldNotFound(path: string, form: string): InputError {
  return new InputError(`hostile field "${path}" not found in the ${form} alert`, {
    hint: 'Give a dotted path for JSON alerts (http.http_user_agent) or the key for key/value text (User-Agent)',
  });
}
