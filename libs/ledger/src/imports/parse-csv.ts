import type { Readable } from 'node:stream';
import { CsvError, Parser } from 'csv-parse';
import { HashedBytes, rowStream, type RawRow, type RowStream } from './row-source';

export const CSV_COLUMNS = [
  'household',
  'unit',
  'area',
  'members',
  'reviewYear',
  'reviewType',
  'incomePerCapita',
  'deprivations',
  'headName',
  'ethnicMinority',
] as const;
const REQUIRED = CSV_COLUMNS.filter((c) => c !== 'headName' && c !== 'ethnicMinority');
const NUMERIC = new Set(['members', 'reviewYear', 'incomePerCapita']);
const NUMBER = /^-?\d+(\.\d+)?$/;
const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, false: false, '1': true, '0': false, yes: true, no: false };

/** `;` is what Excel writes where the decimal separator is a comma (a Vietnamese locale among them). */
export const CSV_DELIMITERS = [',', ';'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];
export type CsvOptions = Readonly<{ delimiter?: CsvDelimiter }>;

/** A row is about a hundred bytes; a record far larger is a quote left open, and is not held in memory. */
const MAX_RECORD_BYTES = 1024 * 1024;
/** How much of the input is looked at for the header line when choosing the delimiter. */
const HEADER_BYTES = 64 * 1024;

/** The header names no column with a comma or a semicolon in it: whichever it has more of separates its cells. */
export function headerDelimiter(headerLine: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine.charCodeAt(i);
    if (c === 44) commas++;
    else if (c === 59) semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** A cell as the row validation expects it: numbers parsed, lists split on `;`, empty optional cells absent. */
function cellValue(column: string, raw: string): unknown {
  const cell = raw.trim();
  if (column === 'deprivations')
    return cell.length === 0
      ? []
      : cell
          .split(DEPRIVATION_SEPARATOR)
          .map((c) => c.trim())
          .filter((c) => c.length > 0);
  if (cell.length === 0) return undefined;
  if (NUMERIC.has(column)) return NUMBER.test(cell) ? Number(cell) : cell;
  if (column === 'ethnicMinority') return BOOLEANS[cell.toLowerCase()] ?? cell;
  return cell;
}

/** Deprivation codes are separated by `;`, or by `,` in a file whose cells are separated by `;`. */
const DEPRIVATION_SEPARATOR = /[;,]/;

function headerProblem(header: readonly string[]): { field: string; message: string } | null {
  const missing = REQUIRED.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  const twice = header.filter((c, i) => header.indexOf(c) !== i);
  if (missing.length > 0) return { field: missing[0]!, message: `the header has no column ${missing.join(', ')} (expected ${CSV_COLUMNS.join(',')})` };
  if (unknown.length > 0) return { field: unknown[0]!, message: `unknown column ${unknown.join(', ')} (expected ${CSV_COLUMNS.join(',')})` };
  if (twice.length > 0) return { field: twice[0]!, message: `column ${twice[0]} appears twice` };
  return null;
}

/** Line breaks inside a record's cells (CRLF counted once): the lines it spans past its first. */
function breaksIn(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) n++;
    if (cell.includes('\r')) for (let i = 0; i < cell.length; i++) if (cell.charCodeAt(i) === 13 && cell.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/** What the parser tells of a quote out of place or never closed, in the words of the row error. */
function syntaxMessage(error: CsvError | undefined): string {
  switch (error?.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a quoted cell must end at its closing quote (write a quote inside a quoted cell as "")';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote inside a cell that is not quoted (quote the whole cell, and write the quote as "")';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell is never closed';
    case 'CSV_MAX_RECORD_SIZE':
      return `the row is longer than ${MAX_RECORD_BYTES} bytes (a quoted cell left open?)`;
    default:
      return `unreadable CSV: ${error?.message ?? 'a row the parser skipped'}`;
  }
}

/**
 * CSV (RFC 4180, read by csv-parse) with a header row naming the columns, in any order. Cells are
 * separated by `,` or `;`: `options.delimiter`, or else the one the header line holds more of. A
 * UTF-8 byte order mark is skipped; quoted cells may hold the delimiter, `""` and line breaks; blank
 * lines are skipped. A row with too few or too many cells is a bad row; a quote out of place (`"ab"cd`)
 * or never closed, or a row over MAX_RECORD_BYTES, ends the reading there, as a bad row for the line
 * its record starts on. A header
 * missing a required column or naming an unknown one makes the whole file unreadable: one error for
 * line 1. After either, the rest of the input is drained (for its hash) without yielding rows.
 */
export function parseCsv(stream: Readable, options: CsvOptions = {}): RowStream {
  const bytes = new HashedBytes(stream);
  async function* rows(): AsyncGenerator<RawRow, void, undefined> {
    const chunks = bytes.chunks();
    const head = await headerChunks(chunks);
    const delimiter = options.delimiter ?? headerDelimiter(headerLine(head));
    // A syntax error comes in order among the records (on_skip), not as the stream's error, which
    // would drop the records parsed before it and with them the count of lines.
    const parser: Parser = new Parser({
      delimiter,
      bom: true,
      // Both, in one file: the parser would otherwise keep to the first it meets.
      record_delimiter: ['\r\n', '\n'],
      relax_column_count: true,
      max_record_size: MAX_RECORD_BYTES,
      skip_records_with_error: true,
      on_skip: (error) => void parser.push({ error }),
    });
    const feeding = feed(parser, head, chunks);
    let header: string[] | null = null;
    /**
     * Physical lines read so far. Counted here, blank lines included (they come as one empty cell),
     * rather than taken from the parser's `info`: that costs an object a row, and counts a CRLF
     * inside a quoted cell as two lines.
     */
    let consumed = 0;
    let done = false;
    try {
      for await (const item of parser as AsyncIterable<ParsedItem>) {
        if (!Array.isArray(item)) {
          yield { line: 1 + consumed, fields: {}, error: { field: 'line', message: syntaxMessage(item.error) } };
          break;
        }
        const cells = item;
        const line = 1 + consumed;
        consumed += 1 + breaksIn(cells);
        if (cells.length === 1 && cells[0]!.trim().length === 0) continue;
        if (header === null) {
          header = cells.map((c) => c.trim());
          const problem = headerProblem(header);
          if (problem) {
            yield { line, fields: {}, error: problem };
            break;
          }
          continue;
        }
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
      parser.destroy();
      // The input failed while it was being drained for its hash: its error, not a missing hash.
      const failure = await feeding;
      done = true;
      if (failure) throw failure;
    } finally {
      // The reader stopped early: the rest of the input is not wanted.
      if (!done) {
        parser.destroy();
        bytes.abandon();
      }
    }
    if (header === null) yield { line: 1, fields: {}, error: { field: 'line', message: 'the file is empty: a header row is required' } };
  }
  return rowStream(bytes, rows());
}

type ParsedItem = string[] | { error: CsvError | undefined };

/** The first line that is not blank (the header), as far as `head` holds it. */
function headerLine(head: readonly Buffer[]): string {
  const lines = Buffer.concat(head)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\n');
  return lines.find((l) => l.trim().length > 0) ?? '';
}

/** The first chunks, up to the end of the header line (or HEADER_BYTES): the delimiter is chosen from them. */
async function headerChunks(chunks: AsyncGenerator<Buffer, void, undefined>): Promise<Buffer[]> {
  const head: Buffer[] = [];
  let size = 0;
  let text = false;
  while (size < HEADER_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    size += next.value.length;
    for (const byte of next.value) {
      if (byte === 10 && text) return head;
      // Anything but blanks and the byte order mark's bytes: the header has begun.
      if (byte !== 10 && byte !== 13 && byte !== 32 && byte !== 9 && byte !== 0xef && byte !== 0xbb && byte !== 0xbf) text = true;
    }
  }
  return head;
}

/**
 * Writes the input into the parser as the parser takes it (its buffer full, this waits), so the
 * file is never held whole. Once the parser is gone (a syntax error, a bad header, the reader
 * stopped) the rest of the input is still read, for its hash. An input that fails (a body over
 * the limit) fails the parser, and so the reading, with its error; once the parser is gone, the
 * error is answered instead.
 */
async function feed(parser: Parser, head: readonly Buffer[], rest: AsyncGenerator<Buffer, void, undefined>): Promise<Error | null> {
  try {
    for (const chunk of head) if (!parser.destroyed && !parser.write(chunk)) await writable(parser);
    for await (const chunk of rest) if (!parser.destroyed && !parser.write(chunk)) await writable(parser);
    if (!parser.destroyed) parser.end();
    return null;
  } catch (error) {
    if (parser.destroyed) return error as Error;
    parser.destroy(error as Error);
    return null;
  }
}

function writable(parser: Parser): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      parser.off('drain', done);
      parser.off('close', done);
      resolve();
    };
    parser.on('drain', done);
    parser.on('close', done);
  });
}
