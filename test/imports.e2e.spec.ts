import { seed, type Cast } from './support/story';
import { startServer, type TestServer } from './support/server';

describe('POST /api/v1/imports/households (HTTP)', () => {
  let s: TestServer;
  let cast: Cast;
  const head = async () => (await s.request('GET', '/health')).body.position as number;
  const send = (raw: string, contentType: string, key?: string, query = '') =>
    s.request('POST', `/api/v1/imports/households${query}`, {
      token: cast.social,
      raw,
      headers: { 'content-type': contentType, ...(key ? { 'idempotency-key': key } : {}) },
    });

  const ndjson = [
    {
      household: 'I1',
      unit: 'MA-LI-PHO',
      area: 'rural',
      members: 4,
      reviewYear: 2023,
      reviewType: 'periodic',
      incomePerCapita: 1_200_000,
      deprivations: ['latrine', 'telecom', 'nutrition'],
    },
    { household: 'I2', unit: 'MA-LI-PHO', area: 'urban', members: 2, reviewYear: 2023, reviewType: 'periodic', incomePerCapita: 2_500_000, deprivations: [] },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n');
  const csv = 'household,unit,area,members,reviewYear,reviewType,incomePerCapita,deprivations\nI3,MA-LI-PHO,rural,3,2023,periodic,900000,latrine;telecom\n';

  beforeAll(async () => {
    s = await startServer();
    cast = await seed(s);
  });
  afterAll(() => s.close());

  it('imports a file once, whatever the retries', async () => {
    const first = await send(ndjson, 'application/x-ndjson', 'file-1');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ rows: 2, registered: 2, assessed: 2, reclassified: 0, byClassification: { poor: 1, near_poor: 0, average: 1, not_poor: 0 } });
    const after = await head();
    expect((await send(ndjson, 'application/x-ndjson', 'file-1')).body).toEqual(first.body);
    expect((await send(ndjson, 'application/x-ndjson')).body).toEqual(first.body);
    expect((await send(ndjson, 'application/x-ndjson', 'another-key')).body).toEqual(first.body);
    expect(await head()).toBe(after);
  });

  it('refuses another file under a key already used', async () => {
    const reused = await send(csv, 'text/csv', 'file-1');
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const fresh = await send(csv, 'text/csv', 'file-2');
    expect(fresh.status).toBe(201);
    expect(fresh.body).toMatchObject({ rows: 1, registered: 1, byClassification: { near_poor: 1 } });
  });

  it('lists every bad row and records nothing', async () => {
    const before = await head();
    const bad =
      'household,unit,area,members,reviewYear,reviewType,incomePerCapita,deprivations\nB1,PHONG-THO,rural,3,2023,periodic,900000,\nB2,MA-LI-PHO,rural,0,2023,periodic,900000,\nB3,MA-LI-PHO,rural,2,2023,periodic,900000,employment;nope\n';
    const r = await send(bad, 'text/csv');
    expect(r.status).toBe(400);
    expect(r.body.details.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [2, 'unit'],
      [3, 'members'],
      [4, 'deprivations[1]'],
    ]);
    expect(await head()).toBe(before);
  });

  it('reads a file as Excel writes it in a Vietnamese locale: a byte order mark, cells separated by ";", CRLF', async () => {
    const excel =
      '\uFEFFhousehold;unit;area;members;reviewYear;reviewType;incomePerCapita;deprivations;headName\r\nX1;MA-LI-PHO;rural;3;2023;periodic;900000;"latrine;telecom";"Lò, Văn Ơn"\r\n';
    const r = await send(excel, 'text/csv');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ rows: 1, registered: 1, byClassification: { near_poor: 1 } });
    const told = await send(excel.replace('X1;', 'X2;').replace('\uFEFF', ''), 'text/csv', undefined, '?delimiter=%3B');
    expect(told.status).toBe(201);
  });

  it('refuses a delimiter other than "," or ";", or one sent with JSON lines, naming it, and records nothing', async () => {
    const before = await head();
    for (const [query, type] of [
      ['?delimiter=%7C', 'text/csv'],
      ['?delimiter=;&delimiter=,', 'text/csv'],
      ['?delimiter=,', 'application/x-ndjson'],
    ] as const) {
      const r = await send(type === 'text/csv' ? csv : ndjson, type, undefined, query);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'delimiter' } });
    }
    expect(await head()).toBe(before);
  });

  it('refuses "ab"cd (text after a closing quote) as a bad row naming its line, and records nothing', async () => {
    const before = await head();
    const r = await send(
      'household,unit,area,members,reviewYear,reviewType,incomePerCapita,deprivations,headName\nQ1,MA-LI-PHO,rural,3,2023,periodic,900000,,"Lò"Văn\n',
      'text/csv',
    );
    expect(r.status).toBe(400);
    expect(r.body.details.errors).toEqual([{ row: 2, field: 'line', message: expect.stringMatching(/closing quote/) }]);
    expect(await head()).toBe(before);
  });
});
