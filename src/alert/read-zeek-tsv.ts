import { InputError } from '../errors/input-error.js';

/** One Zeek log in its tab-separated form: header metadata and the records. */
export interface ZeekTsvLog {
  /** Log name from `#path`, such as "notice". */
  path?: string;
  fields: string[];
  types: string[];
  /** Records by field name: unset fields are null, sets and vectors are arrays. */
  records: Record<string, unknown>[];
}

/** Tells cheaply whether text starts like a Zeek TSV log (a `#separator` or `#fields` line). */
export function looksLikeZeekTsv(text: string): boolean {
  const start = text.trimStart().slice(0, 4096);
  return start.startsWith('#separator') || /^#fields\t/m.test(start);
}

function unescapeZeek(text: string): string {
  if (!text.includes('\\x')) return text;
  // Zeek writes separators and non-printable bytes as \xHH; runs of them may be UTF-8.
  return text.replace(/(?:\\x[0-9a-fA-F]{2})+/g, (run) => {
    const bytes = Uint8Array.from(run.match(/[0-9a-fA-F]{2}/g)!.map((hex) => parseInt(hex, 16)));
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return run;
    }
  });
}

interface Markers {
  separator: string;
  setSeparator: string;
  empty: string;
  unset: string;
}

function readValue(text: string, type: string, markers: Markers): unknown {
  const container = /^(?:set|vector|table)\[/.test(type);
  if (text === markers.unset) return null;
  if (text === markers.empty) return container ? [] : '';
  if (container) return text.split(markers.setSeparator).map(unescapeZeek);
  return unescapeZeek(text);
}

/**
 * Reads a Zeek log written in its default tab-separated form. Honours the `#separator`,
 * `#set_separator`, `#empty_field` and `#unset_field` headers. Throws InputError when the
 * `#fields` header is missing or a record has another number of values than it names.
 */
export function readZeekTsv(text: string, origin: string): ZeekTsvLog {
  const markers: Markers = { separator: '\t', setSeparator: ',', empty: '(empty)', unset: '-' };
  const log: ZeekTsvLog = { fields: [], types: [], records: [] };
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    if (line.startsWith('#separator ')) {
      markers.separator = unescapeZeek(line.slice('#separator '.length));
      return;
    }
    const values = line.split(markers.separator);
    if (line.startsWith('#')) {
      const [name, ...rest] = values;
      if (name === '#set_separator') markers.setSeparator = rest[0] ?? ',';
      else if (name === '#empty_field') markers.empty = rest[0] ?? '(empty)';
      else if (name === '#unset_field') markers.unset = rest[0] ?? '-';
      else if (name === '#path' && rest[0]) log.path = rest[0];
      else if (name === '#fields') log.fields = rest;
      else if (name === '#types') log.types = rest;
      return;
    }
    if (log.fields.length === 0) {
      throw new InputError(`${origin}: line ${index + 1} is a Zeek record but no "#fields" header came before it`, {
        hint: 'Pass the log with its header lines, as Zeek wrote it',
      });
    }
    if (values.length !== log.fields.length) {
      throw new InputError(`${origin}: line ${index + 1} has ${values.length} values but the "#fields" header names ${log.fields.length}`, {
        hint: 'Check that the record was not cut or re-wrapped, and that fields are separated by tabs',
      });
    }
    // fromEntries defines own properties, so a field named "__proto__" stays a field.
    const record: Record<string, unknown> = Object.fromEntries(
      log.fields.map((field, position) => [field, readValue(values[position]!, log.types[position] ?? '', markers)]),
    );
    log.records.push(record);
  });
  return log;
}
