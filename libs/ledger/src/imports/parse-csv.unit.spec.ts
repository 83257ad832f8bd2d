import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { parseCsv, splitCsv } from './parse-csv';
import type { RawRow } from './row-source';

async function all(rows: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

const HEADER = 'household,unit,area,members,reviewYear,reviewType,incomePerCapita,deprivations,headName,ethnicMinority';

describe('splitCsv', () => {
  it('reads plain, quoted and doubled-quote cells', () => {
    expect(splitCsv('a,"b,c","say ""hi""",,d')).toEqual(['a', 'b,c', 'say "hi"', '', 'd']);
  });
  it('says when a quoted cell runs past the end of the line', () => {
    expect(splitCsv('a,"b')).toBeNull();
  });
});

describe('parseCsv', () => {
  it('parses numbers, splits deprivations on ";", and leaves empty optional cells out', async () => {
    const text = `${HEADER}\r\nHH-1,C-1,rural,4,2024,periodic,1200000,nutrition; latrine ;telecom,"Lò Văn Ơn, con",yes\nHH-2,C-1,urban,2,2024,adhoc,0,,,\n`;
    const rows = await all(parseCsv(Readable.from([Buffer.from(text)])));
    expect(rows).toEqual([
      {
        line: 2,
        fields: { household: 'HH-1', unit: 'C-1', area: 'rural', members: 4, reviewYear: 2024, reviewType: 'periodic', incomePerCapita: 1_200_000, deprivations: ['nutrition', 'latrine', 'telecom'], headName: 'Lò Văn Ơn, con', ethnicMinority: true },
      },
      { line: 3, fields: { household: 'HH-2', unit: 'C-1', area: 'urban', members: 2, reviewYear: 2024, reviewType: 'adhoc', incomePerCapita: 0, deprivations: [] } },
    ]);
  });

  it('leaves a cell that is not a number as text, for the row check to name', async () => {
    const rows = await all(parseCsv(Readable.from([`${HEADER}\nHH-1,C-1,rural,four,2024,periodic,-5,,,maybe\n`])));
    expect(rows[0]!.fields).toMatchObject({ members: 'four', incomePerCapita: -5, ethnicMinority: 'maybe' });
  });

  it('accepts the columns in any order and without the optional ones', async () => {
    const rows = await all(parseCsv(Readable.from(['unit,household,area,members,reviewYear,reviewType,incomePerCapita,deprivations\nC-1,HH-9,rural,1,2024,periodic,5,\n'])));
    expect(rows[0]!.fields).toEqual({ unit: 'C-1', household: 'HH-9', area: 'rural', members: 1, reviewYear: 2024, reviewType: 'periodic', incomePerCapita: 5, deprivations: [] });
  });

  it('refuses a header without a required column, once, for line 1, and still hashes the whole input', async () => {
    const text = 'household,unit,area,reviewYear,reviewType,incomePerCapita,deprivations\nHH-1,C-1,rural,2024,periodic,5,\n';
    const source = parseCsv(Readable.from([text]));
    const rows = await all(source);
    expect(rows).toEqual([{ line: 1, fields: {}, error: { field: 'members', message: expect.stringMatching(/no column members/) } }]);
    expect(source.sha256()).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('refuses an unknown column', async () => {
    const rows = await all(parseCsv(Readable.from([`${HEADER},colour\n`])));
    expect(rows).toEqual([{ line: 1, fields: {}, error: { field: 'colour', message: expect.stringMatching(/unknown column colour/) } }]);
  });

  it('names a row with too few cells, and a quoted cell never closed', async () => {
    const rows = await all(parseCsv(Readable.from([`${HEADER}\nHH-1,C-1,rural\nHH-2,C-1,rural,1,2024,periodic,5,,"open,\n`])));
    expect(rows).toEqual([
      { line: 2, fields: {}, error: { field: 'line', message: 'has 3 cells, the header has 10' } },
      { line: 3, fields: {}, error: { field: 'line', message: 'a quoted cell is never closed' } },
    ]);
  });

  it('joins a quoted cell that spans lines, and numbers the row by its first line', async () => {
    const rows = await all(parseCsv(Readable.from([`${HEADER}\nHH-1,C-1,rural,1,2024,periodic,5,,"Lò\nVăn",\nHH-2,C-1,rural,1,2024,periodic,5,,,\n`])));
    expect(rows.map((r) => [r.line, r.fields.headName])).toEqual([
      [2, 'Lò\nVăn'],
      [4, undefined],
    ]);
  });

  it('refuses an empty file', async () => {
    expect(await all(parseCsv(Readable.from([''])))).toEqual([{ line: 1, fields: {}, error: { field: 'line', message: 'the file is empty: a header row is required' } }]);
  });
});
