import { InputError } from '../errors/input-error.js';

/**
 * Splits CSV text into rows of fields as RFC 4180 defines it: commas between fields, double
 * quotes around fields that contain commas, quotes or line breaks, and "" for a quote inside
 * quotes. Throws InputError naming the line of a quote that is never closed.
 */
export function readCsv(text: string, origin: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  for (let position = 0; position < text.length; position += 1) {
    const character = text[position]!;
    if (quoted) {
      if (character === '"' && text[position + 1] === '"') {
        field += '"';
        position += 1;
      } else if (character === '"') {
        quoted = false;
      } else {
        if (character === '\n') line += 1;
        field += character;
      }
      continue;
    }
    if (character === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[position + 1] === '\n') position += 1;
      row.push(field);
      if (row.some((value) => value !== '')) rows.push(row);
      row = [];
      field = '';
      line += 1;
    } else {
      field += character;
    }
  }
  if (quoted) {
    throw new InputError(`${origin}: the CSV quote opened on line ${quoteLine} is never closed`, {
      hint: 'Check that the row was not cut short, and that quotes inside fields are doubled ("")',
    });
  }
  row.push(field);
  if (row.some((value) => value !== '')) rows.push(row);
  return rows;
}
