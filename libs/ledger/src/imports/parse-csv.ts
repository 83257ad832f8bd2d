import type { Readable } from 'node:stream';
import { LineReader, rowStream, type RawRow, type RowStream } from './row-source';

export const CSV_COLUMNS = ['household', 'unit', 'area', 'members', 'reviewYear', 'reviewType', 'incomePerCapita', 'deprivations', 'headName', 'ethnicMinority'] as const;
const REQUIRED = CSV_COLUMNS.filter((c) => c !== 'headName' && c !== 'ethnicMinority');
const NUMERIC = new Set(['members', 'reviewYear', 'incomePerCapita']);
const NUMBER = /^-?\d+(\.\d+)?$/;
const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, false: false, '1': true, '0': false, yes: true, no: false };

/** RFC 4180 cells of one record; `null` when a quoted cell is still open at the end of the text. */
export function splitCsv(text: string): string[] | null {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let cell = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) return null;
        cell += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          cell += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      const comma = text.indexOf(',', j);
      cells.push(cell + text.slice(j, comma === -1 ? text.length : comma));
      if (comma === -1) return cells;
      i = comma + 1;
    } else {
      const comma = text.indexOf(',', i);
      cells.push(text.slice(i, comma === -1 ? text.length : comma));
      if (comma === -1) return cells;
      i = comma + 1;
    }
  }
}

/** A cell as the row validation expects it: numbers parsed, lists split on `;`, empty optional cells absent. */
function cellValue(column: string, raw: string): unknown {
  const cell = raw.trim();
  if (column === 'deprivations') return cell.length === 0 ? [] : cell.split(';').map((c) => c.trim()).filter((c) => c.length > 0);
  if (cell.length === 0) return undefined;
  if (NUMERIC.has(column)) return NUMBER.test(cell) ? Number(cell) : cell;
  if (column === 'ethnicMinority') return BOOLEANS[cell.toLowerCase()] ?? cell;
  return cell;
}

/**
 * CSV with a header row naming the columns (any order). A header missing a required column or
 * naming an unknown one makes the whole file unreadable: one error for line 1, and the rest of
 * the input is drained (for its hash) without yielding rows.
 */
export function parseCsv(stream: Readable): RowStream {
  const reader = new LineReader(stream);
  async function* rows(): AsyncGenerator<RawRow, void, undefined> {
    let header: string[] | null = null;
    let broken = false;
    let pending = '';
    let pendingLine = 0;
    for await (const { number, text } of reader.lines()) {
      if (broken) continue;
      const record = pending ? `${pending}\n${text}` : text;
      const line = pending ? pendingLine : number;
      const cells = splitCsv(record);
      if (cells === null) {
        pending = record;
        pendingLine = line;
        continue;
      }
      pending = '';
      if (header === null) {
        header = cells.map((c) => c.trim().replace(/^\uFEFF/, ''));
        const missing = REQUIRED.filter((c) => !header!.includes(c));
        const unknown = header.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
        const twice = header.filter((c, i) => header!.indexOf(c) !== i);
        const problem = missing.length > 0
          ? { field: missing[0]!, message: `the header has no column ${missing.join(', ')} (expected ${CSV_COLUMNS.join(',')})` }
          : unknown.length > 0
            ? { field: unknown[0]!, message: `unknown column ${unknown.join(', ')} (expected ${CSV_COLUMNS.join(',')})` }
            : twice.length > 0
              ? { field: twice[0]!, message: `column ${twice[0]} appears twice` }
              : null;
        if (problem) {
          broken = true;
          yield { line, fields: {}, error: problem };
        }
        continue;
      }
      if (record.trim().length === 0) continue;
      if (cells.length !== header.length) {
        yield { line, fields: {}, error: { field: 'line', message: `has ${cells.length} cells, the header has ${header.length}` } };
        continue;
      }
      const fields: Record<string, unknown> = {};
      for (let c = 0; c < header.length; c++) {
        const value = cellValue(header[c]!, cells[c]!);
        if (value !== undefined) fields[header[c]!] = value;
      }
      yield { line, fields };
    }
    if (pending) yield { line: pendingLine, fields: {}, error: { field: 'line', message: 'a quoted cell is never closed' } };
    if (header === null && !broken) yield { line: 1, fields: {}, error: { field: 'line', message: 'the file is empty: a header row is required' } };
  }
  return rowStream(reader, rows());
}
