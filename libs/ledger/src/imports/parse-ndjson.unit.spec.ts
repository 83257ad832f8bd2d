import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { parseNdjson } from './parse-ndjson';
import type { RawRow } from './row-source';

async function all(rows: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

/** Cut the bytes at every position in turn, so lines and multi-byte characters straddle chunks. */
const chunked = (text: string, size: number) => {
  const bytes = Buffer.from(text);
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
};

describe('parseNdjson', () => {
  const text = '{"household":"HH-1","headName":"Lò Văn Ơn","members":3}\r\n\n{"household":"HH-2","deprivations":["nutrition"]}\n{"household":"HH-3"}';

  it.each([1, 2, 3, 7, 64, 4096])('yields one row per line with its line number, in chunks of %i bytes', async (size) => {
    const rows = await all(parseNdjson(chunked(text, size)));
    expect(rows).toEqual([
      { line: 1, fields: { household: 'HH-1', headName: 'Lò Văn Ơn', members: 3 } },
      { line: 3, fields: { household: 'HH-2', deprivations: ['nutrition'] } },
      { line: 4, fields: { household: 'HH-3' } },
    ]);
  });

  it('hashes the raw bytes while streaming', async () => {
    const rows = parseNdjson(chunked(text, 5));
    await all(rows);
    expect(rows.sha256()).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('refuses to give a hash before the input is read', () => {
    expect(() => parseNdjson(Readable.from([text])).sha256()).toThrow(/only after/);
  });

  it('turns a malformed line or a line that is not an object into a bad row, and goes on', async () => {
    const rows = await all(parseNdjson(Readable.from(['{"a":1}\n{"a": \n[1,2]\n"x"\n{"b":2}\n'])));
    expect(rows.map((r) => [r.line, r.error?.field ?? null])).toEqual([
      [1, null],
      [2, 'line'],
      [3, 'line'],
      [4, 'line'],
      [5, null],
    ]);
    expect(rows[1]!.error!.message).toMatch(/^malformed JSON/);
    expect(rows[2]!.error!.message).toBe('must be a JSON object');
  });
});
