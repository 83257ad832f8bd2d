import { allocate, seed, type Cast } from './support/story';
import { startServer, type TestServer } from './support/server';

/**
 * Bodies are parsed once, strictly: nesting past the limit, a key given twice and objects where text
 * is expected are each a 4xx naming the field, and record nothing — in JSON bodies, with or without
 * an Idempotency-Key, and in import rows.
 */
describe('strict bodies', () => {
  let s: TestServer;
  let cast: Cast;
  const head = async () => (await s.request('GET', '/health')).body.position as number;
  const PAY = '/api/v1/allocations/PT-DA1.1-2022/disbursements';
  const payment = '"amount":1000,"valueDate":"2022-06-01","voucher":"V"';

  beforeAll(async () => {
    s = await startServer();
    cast = await seed(s);
    await allocate(s, cast);
  });
  afterAll(() => s.close());

  const post = (path: string, raw: string, headers: Record<string, string> = {}, token = cast.admin) =>
    s.request('POST', path, { token, raw, headers: { 'content-type': 'application/json', ...headers } });

  const cases: [string, string][] = [
    ['2,000 nested arrays', `{${payment},"x":${'['.repeat(2000)}${']'.repeat(2000)}}`],
    ['5,000 nested objects', `{${payment},"x":${'{"x":'.repeat(5000)}1${'}'.repeat(5000)}}`],
    ['100,000 unclosed arrays', `{${payment},"x":${'['.repeat(100_000)}`],
  ];
  it.each(cases)('refuses %s with a 400, with and without an Idempotency-Key, recording nothing', async (_name, raw) => {
    const before = await head();
    for (const headers of [{}, { 'idempotency-key': `deep-${_name}` }] as Record<string, string>[]) {
      const r = await post(PAY, raw, headers);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(r.body.message).toMatch(/^x(\[0\]|\.x)*: nested more than 32 levels deep$/);
    }
    expect(await head()).toBe(before);
  });

  it('refuses a key given twice, at any depth, naming it, and records nothing', async () => {
    const before = await head();
    const twice = await post(PAY, '{"amount":-5,"amount":1000,"valueDate":"2022-06-01","voucher":"V"}');
    expect(twice.status).toBe(400);
    expect(twice.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'amount' } });
    expect(twice.body.message).toBe("amount: the key 'amount' appears more than once in the same object");
    const escaped = await post(PAY, '{"amount":1000,"\\u0061mount":-5,"valueDate":"2022-06-01","voucher":"V"}', { 'idempotency-key': 'dup-1' });
    expect(escaped.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'amount' } });
    const nested = await post(
      '/api/v1/allocations',
      '{"unit":"PHONG-THO","parentId":"LC-DA1.1-2022","amount":1,"decision":{"number":"1/QĐ","number":"2/QĐ","date":"2022-07-01","issuer":"UBND"}}',
      {},
      cast.province,
    );
    expect(nested.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'decision.number' } });
    const inList = await post('/api/v1/users', '{"id":"u9","name":"U","role":"supervisor","units":["PHONG-THO"],"units":[]}');
    expect(inList.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'units' } });
    const proto = await post(PAY, `{${payment},"__proto__":{"admin":true}}`);
    expect(proto.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: '__proto__' } });
    expect(await head()).toBe(before);
    // the same body without the duplicate is recorded
    expect((await post(PAY, `{${payment}}`)).status).toBe(201);
  });

  it('refuses an empty body and a body that is not JSON without a 5xx', async () => {
    for (const raw of ['', ' ', '{', '{"amount":1}}', 'null', '1', '"x"', '[]']) {
      const r = await post(PAY, raw);
      expect([raw, r.status]).toEqual([raw, 400]);
      expect(r.body.code).toBe('VALIDATION_FAILED');
    }
  });

  describe('import rows', () => {
    const row = (fields: string) =>
      `{"household":"HH-1","unit":"MA-LI-PHO","area":"rural","members":4,"reviewYear":2023,"reviewType":"periodic","incomePerCapita":1400000,"deprivations":["latrine"]${fields}}`;
    const send = (raw: string) =>
      s.request('POST', '/api/v1/imports/households', { token: cast.social, raw, headers: { 'content-type': 'application/x-ndjson' } });

    it.each([
      ['unit', row('').replace('"unit":"MA-LI-PHO"', '"unit":{"toString":1}'), 'unit'],
      ['household', row('').replace('"household":"HH-1"', '"household":{"toString":1}'), 'household'],
      ['headName', row(',"headName":{"toString":1,"valueOf":1}'), 'headName'],
      ['area', row('').replace('"area":"rural"', '"area":{"toString":1}'), 'area'],
      ['reviewType', row('').replace('"reviewType":"periodic"', '"reviewType":["periodic"]'), 'reviewType'],
      ['deprivations', row('').replace('"deprivations":["latrine"]', '"deprivations":[{"toString":1}]'), 'deprivations[0]'],
      ['a key given twice', row(',"members":5'), 'members'],
      ['nesting', row(`,"x":${'['.repeat(3000)}${']'.repeat(3000)}`), 'x'],
    ])('refuses a row whose %s is wrong with a 400 naming the row and the field, recording nothing', async (_name, bad, field) => {
      const before = await head();
      const r = await send(`${row('').replace('HH-1', 'HH-0')}\n${bad}\n`);
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('VALIDATION_FAILED');
      expect(r.body.details.errors).toEqual([
        expect.objectContaining({ row: 2, field: expect.stringMatching(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}`)) }),
      ]);
      expect(await head()).toBe(before);
    });
  });
});
