import type { Readable } from 'node:stream';
import { LineReader, rowStream, type RawRow, type RowStream } from './row-source';
import { StrictJsonError, parseStrictJson } from './strict-json';

/**
 * JSON lines: one object per line; blank lines are skipped, a line that is not an object is a bad
 * row, and so is one with a key given twice or nested too deep (strict-json.ts).
 */
export function parseNdjson(stream: Readable): RowStream {
  const reader = new LineReader(stream);
  async function* rows(): AsyncGenerator<RawRow, void, undefined> {
    for await (const { number, text } of reader.lines()) {
      if (text.trim().length === 0) continue;
      let value: unknown;
      try {
        value = parseStrictJson(text, undefined, 'line');
      } catch (error) {
        if (error instanceof StrictJsonError) {
          yield { line: number, fields: {}, error: { field: error.field, message: error.reason } };
          continue;
        }
        yield { line: number, fields: {}, error: { field: 'line', message: `malformed JSON: ${(error as Error).message}` } };
        continue;
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        yield { line: number, fields: {}, error: { field: 'line', message: 'must be a JSON object' } };
        continue;
      }
      yield { line: number, fields: value as Record<string, unknown> };
    }
  }
  return rowStream(reader, rows());
}
