import { allocate, seed, type Cast } from './support/story';
import { startServer, type TestServer } from './support/server';

const tick = () => new Promise((r) => setTimeout(r, 15));

/**
 * Every query parameter is declared: an unknown or misspelt one, or a single-valued one given twice,
 * is a 400 VALIDATION_FAILED naming it, never ignored and never a 5xx. `groupBy` on /balances is the
 * one list. The two trace routes honour asOf/atPosition.
 */
describe('strict queries', () => {
  let s: TestServer;
  let cast: Cast;
  let beforePayment = '';
  let paymentPosition = 0;
  const get = (path: string, token = cast.admin) => s.request('GET', path, { token });
  const head = async () => (await s.request('GET', '/health')).body.position as number;

  beforeAll(async () => {
    s = await startServer();
    cast = await seed(s);
    await allocate(s, cast);
    await s.request('POST', '/api/v1/households', { token: cast.social, body: { id: 'H1', unit: 'MA-LI-PHO', area: 'rural', members: 4 } });
    await tick();
    beforePayment = new Date().toISOString();
    await tick();
    const paid = await s.request('POST', '/api/v1/allocations/PT-DA1.1-2022/disbursements', {
      token: cast.district,
      body: { id: 'D1', amount: 12_000_000_000, valueDate: '2022-09-15', voucher: 'UNC-001' },
    });
    expect(paid.status).toBe(201);
    paymentPosition = paid.body.position;
    await tick();
    expect(
      (await s.request('POST', '/api/v1/disbursements/D1/reversal', { token: cast.district, body: { reason: 'posted twice', valueDate: '2022-10-21' } }))
        .status,
    ).toBe(201);
  });
  afterAll(() => s.close());

  const refusedNaming = (r: { status: number; body: any }, field: string) => {
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: { field } });
    expect(r.body.message).toContain(field);
  };

  it('refuses a misspelt filter instead of answering every year or the whole trail', async () => {
    const balances = await get('/api/v1/balances?fiscalyear=2022');
    refusedNaming(balances, 'fiscalyear');
    expect(balances.body.message).toContain('is not a known field');
    refusedNaming(await get('/api/v1/audit?unit=MA-LI-PHO'), 'unit');
    // the right spelling works
    expect((await get('/api/v1/balances?fiscalYear=2022')).status).toBe(200);
  });

  it('refuses an unknown parameter on every GET, even one that takes none', async () => {
    const routes = [
      '/health',
      '/api/v1/programs',
      '/api/v1/integrity',
      '/api/v1/units/VN',
      '/api/v1/allocations/PT-DA1.1-2022',
      '/api/v1/balances',
      '/api/v1/households/H1',
      '/api/v1/households/stats?unit=PHONG-THO&reviewYear=2023',
      '/api/v1/audit',
      '/api/v1/allocations/PT-DA1.1-2022/trace',
      '/api/v1/disbursements/D1/trace',
    ];
    for (const route of routes) {
      const ok = await get(route);
      expect([route, ok.status]).toEqual([route, 200]);
      const r = await get(`${route}${route.includes('?') ? '&' : '?'}nope=1`);
      expect([route, r.status, r.body.details?.field]).toEqual([route, 400, 'nope']);
      expect(r.body.code).toBe('VALIDATION_FAILED');
    }
  });

  const BALANCES: Record<string, [string, string]> = {
    fiscalYear: ['2022', '2023'],
    unit: ['PHONG-THO', 'LAI-CHAU'],
    program: ['GNBV-2021-2025', 'GNBV-2021-2025'],
    project: ['DA1', 'DA2'],
    subProject: ['DA1.1', 'DA1.2'],
    capitalType: ['investment', 'recurrent'],
    source: ['central', 'local'],
    valueDate: ['2022-12-31', '2022-10-01'],
    asOf: ['2022-12-31', '2023-01-01'],
    atPosition: ['1', '2'],
    consistentWith: ['1', '2'],
  };
  it.each(Object.keys(BALANCES))('refuses /balances?%s given twice, naming it', async (key) => {
    const [a, b] = BALANCES[key]!;
    expect((await get(`/api/v1/balances?${key}=${encodeURIComponent(a)}`)).status).toBe(200);
    const r = await get(`/api/v1/balances?${key}=${encodeURIComponent(a)}&${key}=${encodeURIComponent(b)}`);
    refusedNaming(r, key);
    if (key !== 'consistentWith') expect(r.body.message).toContain('is given more than once');
  });

  const AUDIT: Record<string, [string, string]> = {
    allocation: ['PT-DA1.1-2022', 'LC-DA1.1-2022'],
    household: ['H1', 'H1'],
    disbursement: ['D1', 'D1'],
    actor: ['pt-finance', 'admin'],
    decision: ['747/QĐ-UBND', '1234/QĐ-TTg'],
    from: ['2022-01-01', '2023-01-01'],
    to: ['2999-01-01', '2998-01-01'],
    limit: ['5', '6'],
    cursor: ['1', '2'],
    asOf: ['2999-01-01', '2998-01-01'],
    atPosition: ['1', '2'],
  };
  it.each(Object.keys(AUDIT))('refuses /audit?%s given twice, naming it', async (key) => {
    const [a, b] = AUDIT[key]!;
    expect((await get(`/api/v1/audit?${key}=${encodeURIComponent(a)}`)).status).toBe(200);
    refusedNaming(await get(`/api/v1/audit?${key}=${encodeURIComponent(a)}&${key}=${encodeURIComponent(b)}`), key);
  });

  it('refuses a repeated parameter on the other reads too', async () => {
    refusedNaming(await get('/api/v1/households/stats?unit=PHONG-THO&unit=MA-LI-PHO&reviewYear=2023'), 'unit');
    refusedNaming(await get('/api/v1/households/stats?unit=PHONG-THO&reviewYear=2023&reviewYear=2022'), 'reviewYear');
    refusedNaming(await get('/api/v1/allocations/PT-DA1.1-2022?atPosition=1&atPosition=2'), 'atPosition');
    refusedNaming(await get('/api/v1/households/H1?asOf=2999-01-01&asOf=2999-01-02'), 'asOf');
    refusedNaming(await get('/api/v1/disbursements/D1/trace?asOf=2999-01-01&asOf=2999-01-02'), 'asOf');
    refusedNaming(await get('/api/v1/units/VN?consistentWith=1&consistentWith=1'), 'consistentWith');
  });

  it('takes groupBy as a list: comma-separated and repeated mean the same', async () => {
    const joined = await get('/api/v1/balances?groupBy=unit,project');
    const repeated = await get('/api/v1/balances?groupBy=unit&groupBy=project');
    expect(joined.status).toBe(200);
    expect(repeated.status).toBe(200);
    expect(repeated.body).toEqual(joined.body);
    expect(joined.body.rows[0]).toEqual(expect.objectContaining({ unit: expect.any(String), project: 'DA1' }));
    const three = await get('/api/v1/balances?groupBy=unit&groupBy=project,source&groupBy=fiscalYear');
    expect(Object.keys(three.body.rows[0])).toEqual(expect.arrayContaining(['unit', 'project', 'source', 'fiscalYear']));
    refusedNaming(await get('/api/v1/balances?groupBy=unit&groupBy=nope'), 'groupBy');
  });

  it('refuses malformed, non-text and huge values naming the parameter, never a 5xx', async () => {
    refusedNaming(await get('/api/v1/balances?fiscalYear=twenty'), 'fiscalYear');
    refusedNaming(await get('/api/v1/balances?capitalType=investmnt'), 'capitalType');
    refusedNaming(await get('/api/v1/balances?source=nope'), 'source');
    refusedNaming(await get('/api/v1/balances?valueDate=31-12-2022'), 'valueDate');
    refusedNaming(await get(`/api/v1/balances?unit=${'X'.repeat(5000)}`), 'unit');
    refusedNaming(await get(`/api/v1/audit?decision=${'9'.repeat(5000)}`), 'decision');
    refusedNaming(await get('/api/v1/audit?limit=1e3'), 'limit');
    refusedNaming(await get('/api/v1/audit?limit=99999999999999999999'), 'limit');
    refusedNaming(await get('/api/v1/allocations/PT-DA1.1-2022?atPosition=99999999999999999999'), 'atPosition');
    // brackets do not make objects: `unit[toString]` is a key of its own, and unknown
    refusedNaming(await get('/api/v1/balances?unit[toString]=1'), 'unit[toString]');
    refusedNaming(await get('/api/v1/audit?__proto__=1'), '__proto__');
    refusedNaming(await get('/api/v1/audit?constructor=1'), 'constructor');
    const many = Array.from({ length: 300 }, () => `groupBy=unit`).join('&');
    expect((await get(`/api/v1/balances?${many}`)).status).toBe(400);
    // an unknown programme code stays an unknown reference, as in a body
    expect((await get('/api/v1/balances?project=DA9')).body).toMatchObject({ code: 'UNKNOWN_REFERENCE', details: { field: 'project' } });
  });

  it('traces as the books stood at a moment before a payment: the payment is not there', async () => {
    const now = await get('/api/v1/allocations/PT-DA1.1-2022/trace');
    expect(now.body.tree.disbursements.map((d: { id: string }) => d.id)).toEqual(['D1']);
    expect(now.body.at.asOf).toBeUndefined();

    const before = await get(`/api/v1/allocations/PT-DA1.1-2022/trace?asOf=${beforePayment}`);
    expect(before.status).toBe(200);
    expect(before.body.tree.disbursements).toEqual([]);
    expect(before.body.tree.disbursed).toBe(0);
    expect(before.body.at.position).toBeLessThan(paymentPosition);
    expect(before.body.at.asOf).toBe(new Date(beforePayment).toISOString());
    expect(before.body.reconciles).toBe(true);
    // the payment did not exist yet
    expect((await get(`/api/v1/disbursements/D1/trace?asOf=${beforePayment}`)).status).toBe(404);

    // just after the payment, before its reversal: there, and not reversed
    const paid = await get(`/api/v1/allocations/PT-DA1.1-2022/trace?atPosition=${paymentPosition}`);
    expect(paid.body.tree.disbursements).toEqual([expect.objectContaining({ id: 'D1', reversal: null })]);
    expect(paid.body.tree.disbursed).toBe(12_000_000_000);
    const d1 = await get(`/api/v1/disbursements/D1/trace?atPosition=${paymentPosition}`);
    expect(d1.body).toMatchObject({ disbursementId: 'D1', at: { position: paymentPosition }, payment: { reversal: null } });
    expect((await get('/api/v1/disbursements/D1/trace')).body.payment.reversal).not.toBeNull();

    refusedNaming(await get(`/api/v1/disbursements/D1/trace?atPosition=${(await head()) + 10}`), 'atPosition');
    refusedNaming(await get('/api/v1/allocations/PT-DA1.1-2022/trace?asOf=yesterday'), 'asOf');
  });

  it('documents every parameter with its type, and groupBy as the one list', async () => {
    const doc = (await s.request('GET', '/api/docs-json')).body;
    const params = (path: string) =>
      (doc.paths[path].get.parameters as { name: string; in: string; schema: Record<string, unknown> }[]).filter((p) => p.in === 'query');
    const balances = Object.fromEntries(params('/api/v1/balances').map((p) => [p.name, p.schema]));
    expect(Object.keys(balances).sort()).toEqual([
      'asOf',
      'atPosition',
      'capitalType',
      'consistentWith',
      'fiscalYear',
      'groupBy',
      'program',
      'project',
      'source',
      'subProject',
      'unit',
      'valueDate',
    ]);
    expect(balances.fiscalYear).toMatchObject({ type: 'integer' });
    expect(balances.capitalType).toMatchObject({ type: 'string', enum: ['investment', 'recurrent'] });
    expect(balances.valueDate).toMatchObject({ type: 'string', format: 'date' });
    expect(balances.groupBy).toMatchObject({ type: 'array', items: { type: 'string', enum: expect.arrayContaining(['unit', 'project']) } });
    const audit = params('/api/v1/audit')
      .map((p) => p.name)
      .sort();
    expect(audit).toEqual([
      'actor',
      'allocation',
      'asOf',
      'atPosition',
      'consistentWith',
      'cursor',
      'decision',
      'disbursement',
      'from',
      'household',
      'limit',
      'to',
    ]);
    expect(params('/api/v1/households/stats').map((p) => p.name)).toEqual(expect.arrayContaining(['unit', 'reviewYear', 'asOf']));
    for (const path of ['/api/v1/allocations/{id}/trace', '/api/v1/disbursements/{id}/trace', '/api/v1/allocations/{id}', '/api/v1/households/{id}']) {
      expect(params(path).map((p) => p.name)).toEqual(expect.arrayContaining(['asOf', 'atPosition', 'consistentWith']));
    }
    // every parameter of every GET has a type
    for (const [path, item] of Object.entries(doc.paths as Record<string, { get?: { parameters?: { in: string; schema?: { type?: unknown } }[] } }>)) {
      for (const p of item.get?.parameters ?? []) expect([path, typeof p.schema?.type]).toEqual([path, 'string']);
    }
  });
});
