import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { parseCsv, type CsvOptions } from './parse-csv';
import type { RawRow } from './row-source';

async function all(rows: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

const HEADER = 'household,unit,area,members,reviewYear,reviewType,incomePerCapita,deprivations,headName,ethnicMinority';

describe('parseCsv', () => {
  it('parses numbers, splits deprivations on ";", and leaves empty optional cells out', async () => {
    const text = `${HEADER}\r\nHH-1,C-1,rural,4,2024,periodic,1200000,nutrition; latrine ;telecom,"Lò Văn Ơn, con",yes\nHH-2,C-1,urban,2,2024,adhoc,0,,,\n`;
    const rows = await all(parseCsv(Readable.from([Buffer.from(text)])));
    expect(rows).toEqual([
      {
        line: 2,
        fields: {
          household: 'HH-1',
          unit: 'C-1',
          area: 'rural',
          members: 4,
          reviewYear: 2024,
          reviewType: 'periodic',
          incomePerCapita: 1_200_000,
          deprivations: ['nutrition', 'latrine', 'telecom'],
          headName: 'Lò Văn Ơn, con',
          ethnicMinority: true,
        },
      },
      {
        line: 3,
        fields: { household: 'HH-2', unit: 'C-1', area: 'urban', members: 2, reviewYear: 2024, reviewType: 'adhoc', incomePerCapita: 0, deprivations: [] },
      },
    ]);
  });

  it('leaves a cell that is not a number as text, for the row check to name', async () => {
    const rows = await all(parseCsv(Readable.from([`${HEADER}\nHH-1,C-1,rural,four,2024,periodic,-5,,,maybe\n`])));
    expect(rows[0]!.fields).toMatchObject({ members: 'four', incomePerCapita: -5, ethnicMinority: 'maybe' });
  });

  it('accepts the columns in any order and without the optional ones', async () => {
    const rows = await all(
      parseCsv(Readable.from(['unit,household,area,members,reviewYear,reviewType,incomePerCapita,deprivations\nC-1,HH-9,rural,1,2024,periodic,5,\n'])),
    );
    expect(rows[0]!.fields).toEqual({
      unit: 'C-1',
      household: 'HH-9',
      area: 'rural',
      members: 1,
      reviewYear: 2024,
      reviewType: 'periodic',
      incomePerCapita: 5,
      deprivations: [],
    });
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
    expect(await all(parseCsv(Readable.from([''])))).toEqual([
      { line: 1, fields: {}, error: { field: 'line', message: 'the file is empty: a header row is required' } },
    ]);
  });
});

const REQUIRED_HEADER = 'household,unit,area,members,reviewYear,reviewType,incomePerCapita,deprivations';
const read = (text: string | Buffer, options?: CsvOptions) => all(parseCsv(Readable.from([typeof text === 'string' ? Buffer.from(text) : text]), options));
const households = (rows: readonly RawRow[]) => rows.map((r) => [r.line, r.error ? r.error.message : r.fields.household]);

describe('parseCsv: the edge cases of real files', () => {
  it('skips a UTF-8 byte order mark (what Excel writes), and hashes it with the rest', async () => {
    const text = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${REQUIRED_HEADER}\nHH-1,C-1,rural,1,2024,periodic,5,\n`)]);
    const source = parseCsv(Readable.from([text]));
    const rows = await all(source);
    expect(rows).toEqual([{ line: 2, fields: expect.objectContaining({ household: 'HH-1', incomePerCapita: 5 }) }]);
    expect(source.sha256()).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('reads cells separated by ";" when the header is, with deprivations quoted or separated by ","', async () => {
    const text = [
      '\uFEFFhousehold;unit;area;members;reviewYear;reviewType;incomePerCapita;deprivations;headName',
      'HH-1;C-1;rural;4;2024;periodic;1200000;"nutrition;latrine";"Lò, Văn Ơn"',
      'HH-2;C-1;rural;4;2024;periodic;1200000;nutrition, telecom;Hà Thị Mai',
    ].join('\r\n');
    const rows = await read(text);
    expect(rows.map((r) => [r.line, r.fields.deprivations, r.fields.headName])).toEqual([
      [2, ['nutrition', 'latrine'], 'Lò, Văn Ơn'],
      [3, ['nutrition', 'telecom'], 'Hà Thị Mai'],
    ]);
  });

  it('takes the delimiter it is told, over the header', async () => {
    // A one-column header would say ","; the caller says ";".
    const rows = await read(`${REQUIRED_HEADER.replaceAll(',', ';')}\nHH-1;C-1;rural;1;2024;periodic;5;nutrition\n`, { delimiter: ';' });
    expect(rows[0]!.fields).toMatchObject({ household: 'HH-1', deprivations: ['nutrition'] });
    const refused = await read(`${REQUIRED_HEADER}\nHH-1,C-1,rural,1,2024,periodic,5,\n`, { delimiter: ';' });
    expect(refused).toEqual([{ line: 1, fields: {}, error: expect.objectContaining({ message: expect.stringMatching(/no column/) }) }]);
  });

  it('keeps line breaks inside quoted cells (LF and CRLF), numbering each row by its first line', async () => {
    const text = `${HEADER}\r\nHH-1,C-1,rural,1,2024,periodic,5,,"Lò\r\nVăn\r\nƠn",\r\nHH-2,C-1,rural,1,2024,periodic,5,,"a\nb",\r\nHH-3,C-1,rural,1,2024,periodic,5,,,\r\n`;
    const rows = await read(text);
    expect(rows.map((r) => [r.line, r.fields.headName])).toEqual([
      [2, 'Lò\r\nVăn\r\nƠn'],
      [5, 'a\nb'],
      [7, undefined],
    ]);
  });

  it('reads doubled quotes inside a quoted cell as one quote, and the delimiter inside as text', async () => {
    const rows = await read(`${HEADER}\nHH-1,C-1,rural,1,2024,periodic,5,,"Lò ""Ba"", Văn",\n`);
    expect(rows[0]!.fields.headName).toBe('Lò "Ba", Văn');
  });

  it('skips empty lines anywhere, and counts them in the line numbers', async () => {
    const rows = await read(`\n${REQUIRED_HEADER}\n\nHH-1,C-1,rural,1,2024,periodic,5,\n\r\n   \nHH-2,C-1,rural,1,2024,periodic,5,\n\n`);
    expect(households(rows)).toEqual([
      [4, 'HH-1'],
      [7, 'HH-2'],
    ]);
    // Blank lines before a ";" header, arriving a byte at a time: the header still decides.
    const text = `\r\n\n${REQUIRED_HEADER.replaceAll(',', ';')}\nHH-3;C-1;rural;1;2024;periodic;5;\n`;
    expect(households(await all(parseCsv(Readable.from([...Buffer.from(text)].map((b) => Buffer.from([b]))))))).toEqual([[4, 'HH-3']]);
  });

  it('reads CRLF, LF and a last line without a line break alike', async () => {
    const rows = await read(`${REQUIRED_HEADER}\r\nHH-1,C-1,rural,1,2024,periodic,5,\nHH-2,C-1,rural,1,2024,periodic,5,`);
    expect(households(rows)).toEqual([
      [2, 'HH-1'],
      [3, 'HH-2'],
    ]);
    expect(rows[1]!.fields.deprivations).toEqual([]);
  });

  it('names a row with a missing cell and one with an extra cell, and reads the rows around them', async () => {
    const rows = await read(
      `${REQUIRED_HEADER}\nHH-1,C-1,rural,1,2024,periodic,5\nHH-2,C-1,rural,1,2024,periodic,5,,extra\nHH-3,C-1,rural,1,2024,periodic,5,\n`,
    );
    expect(households(rows)).toEqual([
      [2, 'has 7 cells, the header has 8'],
      [3, 'has 9 cells, the header has 8'],
      [4, 'HH-3'],
    ]);
  });

  it('refuses a header without a required column and one with an extra column', async () => {
    expect(await read('household,unit\nHH-1,C-1\n')).toEqual([
      { line: 1, fields: {}, error: { field: 'area', message: expect.stringMatching(/no column area, members/) } },
    ]);
    expect(await read(`${REQUIRED_HEADER},note\nHH-1,C-1,rural,1,2024,periodic,5,,x\n`)).toEqual([
      { line: 1, fields: {}, error: { field: 'note', message: expect.stringMatching(/unknown column note/) } },
    ]);
  });

  it('refuses "ab"cd (text after a closing quote) as a bad row naming its line, not as abcd, and reads nothing after it', async () => {
    const text = `${HEADER}\nHH-1,C-1,rural,1,2024,periodic,5,,"Lò"Văn,\nHH-2,C-1,rural,1,2024,periodic,5,,,\n`;
    const source = parseCsv(Readable.from([text]));
    const rows = await all(source);
    expect(rows).toEqual([{ line: 2, fields: {}, error: { field: 'line', message: expect.stringMatching(/must end at its closing quote/) } }]);
    expect(source.sha256()).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('refuses a quote inside a cell that is not quoted, after the good rows before it', async () => {
    const rows = await read(`${HEADER}\nHH-1,C-1,rural,1,2024,periodic,5,,,\n\nHH-2,C-1,rural,1,2024,periodic,5,,Lò "Ba",\n`);
    expect(households(rows)).toEqual([
      [2, 'HH-1'],
      [4, 'a quote inside a cell that is not quoted (quote the whole cell, and write the quote as "")'],
    ]);
  });

  it('names the line a never-closed quoted cell starts on, however far the file goes on', async () => {
    const rows = await read(`${HEADER}\nHH-1,C-1,rural,1,2024,periodic,5,,,\nHH-2,C-1,rural,1,2024,periodic,5,,"open,\nHH-3,C-1\nHH-4,C-1\n`);
    expect(households(rows)).toEqual([
      [2, 'HH-1'],
      [3, 'a quoted cell is never closed'],
    ]);
  });

  it('does not hold a row past 1 MiB (a quote left open in a large file) in memory', async () => {
    const long = 'x'.repeat(64 * 1024);
    const chunks = [`${HEADER}\nHH-1,C-1,rural,1,2024,periodic,5,,"${long}`, ...Array.from({ length: 40 }, () => long)];
    const rows = await all(parseCsv(Readable.from(chunks.map((c) => Buffer.from(c)))));
    expect(households(rows)).toEqual([[2, expect.stringMatching(/longer than 1048576 bytes/)]]);
  });

  it('yields rows while the input is still arriving (streams, never holds the file)', async () => {
    const input = new PassThrough();
    const rows = parseCsv(input);
    // The parser looks a few bytes past a record's end (is it \r\n?): the next row has begun.
    input.write(`${REQUIRED_HEADER}\nHH-1,C-1,rural,1,2024,periodic,5,\nHH-2,`);
    const first = await rows.next();
    expect(first.value).toMatchObject({ line: 2, fields: { household: 'HH-1' } });
    input.end('C-1,rural,1,2024,periodic,5,\n');
    expect(households(await all(rows))).toEqual([[3, 'HH-2']]);
  });

  it('fails with the input’s own error (a body over the limit)', async () => {
    const input = new PassThrough();
    const rows = all(parseCsv(input));
    input.write(`${REQUIRED_HEADER}\n`);
    setImmediate(() => input.destroy(Object.assign(new Error('too large'), { statusCode: 413 })));
    await expect(rows).rejects.toMatchObject({ message: 'too large', statusCode: 413 });
  });
});

describe('parseCsv: an input that fails after the reading stopped', () => {
  it('answers the input’s error, not a missing hash, when a bad header had ended the reading', async () => {
    const input = new PassThrough();
    const rows = parseCsv(input);
    input.write('household,unit\nHH-1,C-1\n');
    const first = await rows.next();
    expect(first.value).toMatchObject({ line: 1, error: { field: 'area' } });
    setImmediate(() => input.destroy(Object.assign(new Error('too large'), { statusCode: 413 })));
    await expect(rows.next()).rejects.toMatchObject({ statusCode: 413 });
  });
});
