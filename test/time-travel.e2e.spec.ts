import { allocate, seed, type Cast } from './support/story';
import { startServer, type TestServer } from './support/server';

const PT = '/api/v1/allocations/PT-DA1.1-2022';
const B = 1_000_000_000;
const tick = () => new Promise((r) => setTimeout(r, 15));

/**
 * Time travel through the real server: a scripted history with the position of every step, and
 * the figures at each point worked out by hand.
 *
 *   p0  Phong Thổ holds 71,570 (million đồng), nothing paid
 *   p1  D1 12,000 valued 2022-09-15                       → disbursed 12,000
 *   T1  (a moment between p1 and p2)
 *   p2  D2  5,000 valued 2022-12-20                       → 17,000
 *   p3  D2 reversed, the reversal valued 2023-01-05       → 12,000
 *   p4  D3  3,000 valued 2023-01-10                       → 15,000
 *   T2  (a moment between p4 and p5)
 *   p5  Phong Thổ reduced by 1,000                        → allocated 70,570
 */
describe('time travel (HTTP, SQLite)', () => {
  let s: TestServer;
  let cast: Cast;
  const p: number[] = [];
  let T1 = '';
  let T2 = '';

  const get = (path: string, token = cast.inspector) => s.request('GET', path, { token });
  const post = async (path: string, body: unknown, token = cast.district) => {
    const r = await s.request('POST', path, { token, body });
    if (r.status !== 201) throw new Error(`${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.position as number;
  };
  const disburse = (id: string, amount: number, valueDate: string) => post(`${PT}/disbursements`, { id, amount, valueDate, voucher: `UNC-${id}` });

  beforeAll(async () => {
    s = await startServer();
    cast = await seed(s);
    await allocate(s, cast);
    p[0] = (await get(PT)).body.position;
    p[1] = await disburse('D1', (12_000 * B) / 1000, '2022-09-15');
    await tick();
    T1 = new Date().toISOString();
    await tick();
    p[2] = await disburse('D2', 5 * B, '2022-12-20');
    p[3] = await post('/api/v1/disbursements/D2/reversal', { reason: 'voucher posted twice', valueDate: '2023-01-05' });
    p[4] = await disburse('D3', 3 * B, '2023-01-10');
    await tick();
    T2 = new Date().toISOString();
    await tick();
    p[5] = await post(
      `${PT}/adjustments`,
      { delta: -1 * B, decision: { number: '950/QĐ-UBND', date: '2023-02-01', issuer: 'UBND tỉnh Lai Châu' }, reason: 'slow disbursement' },
      cast.province,
    );
  });
  afterAll(() => s.close());

  const figures = (b: { allocated: number; disbursed: number; available: number }) => ({
    allocated: b.allocated,
    disbursed: b.disbursed,
    available: b.available,
  });

  it('reads an allocation as it stood at each position of the story', async () => {
    const expected: [number, number, number][] = [
      [p[0]!, (71_570 * B) / 1000, 0],
      [p[1]!, (71_570 * B) / 1000, 12 * B],
      [p[2]!, (71_570 * B) / 1000, 17 * B],
      [p[3]!, (71_570 * B) / 1000, 12 * B],
      [p[4]!, (71_570 * B) / 1000, 15 * B],
      [p[5]!, (70_570 * B) / 1000, 15 * B],
    ];
    for (const [position, allocated, disbursed] of expected) {
      const r = await get(`${PT}?atPosition=${position}`, cast.district);
      expect(r.status).toBe(200);
      expect({ position, ...figures(r.body) }).toEqual({ position, allocated, disbursed, available: allocated - disbursed });
      expect(r.body.at).toEqual({ position });
    }
    const before = await get(`${PT}?atPosition=${p[0]! - 2}`, cast.district);
    expect(before.status).toBe(404);
  });

  it('reads the books as known at a moment (asOf), a timestamp or a whole day', async () => {
    expect(figures((await get(`${PT}?asOf=${T1}`)).body)).toEqual({ allocated: 71_570_000_000, disbursed: 12 * B, available: 59_570_000_000 });
    expect(figures((await get(`${PT}?asOf=${T2}`)).body)).toEqual({ allocated: 71_570_000_000, disbursed: 15 * B, available: 56_570_000_000 });
    expect((await get(`${PT}?asOf=${encodeURIComponent(T1.replace('Z', '+00:00'))}`)).body.disbursed).toBe(12 * B);
    expect((await get(`${PT}?asOf=2020-01-01`)).status).toBe(404);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(figures((await get(`${PT}?asOf=${today}`)).body)).toEqual({ allocated: 70_570_000_000, disbursed: 15 * B, available: 55_570_000_000 });
  });

  it('filters balances by value date, and combines it with what was known when', async () => {
    const bal = async (query: string) => {
      const r = await get(`/api/v1/balances?fiscalYear=2022&unit=PHONG-THO&${query}`);
      expect(r.status).toBe(200);
      return r.body.total.disbursed as number;
    };
    // Today: D1 + D2 paid in 2022; D2's reversal takes effect in 2023; D3 in 2023.
    expect(await bal('valueDate=2022-09-14')).toBe(0);
    expect(await bal('valueDate=2022-12-31')).toBe(17 * B);
    expect(await bal('valueDate=2023-01-05')).toBe(12 * B);
    expect(await bal('valueDate=2023-12-31')).toBe(15 * B);
    // What did we know at T1 about what had been paid by 31 Dec 2022? Only D1.
    expect(await bal(`valueDate=2022-12-31&asOf=${T1}`)).toBe(12 * B);
    expect(await bal(`valueDate=2022-12-31&atPosition=${p[2]}`)).toBe(17 * B);
    expect(await bal(`valueDate=2022-12-31&atPosition=${p[3]}`)).toBe(17 * B);
    expect(await bal(`valueDate=2023-01-31&atPosition=${p[3]}`)).toBe(12 * B);
    const r = await get(`/api/v1/balances?fiscalYear=2022&unit=PHONG-THO&valueDate=2022-12-31&atPosition=${p[2]}`);
    expect(r.body.at).toEqual({ position: p[2], valueDate: '2022-12-31' });
    expect((await get(`/api/v1/balances?asOf=${T1}`)).body.at).toEqual({ position: (await get(`${PT}?asOf=${T1}`)).body.at.position, asOf: T1 });
    // Allocated amounts are not value-dated: the figure known at the position.
    const whole = await get(`/api/v1/balances?fiscalYear=2022&unit=LAI-CHAU&atPosition=${p[4]}`);
    expect(whole.body.total).toMatchObject({ allocated: 300 * B, disbursed: 15 * B });
  });

  it('refuses asOf with atPosition, and bad values, naming the field', async () => {
    const both = await get(`${PT}?asOf=${T1}&atPosition=3`);
    expect(both.status).toBe(400);
    expect(both.body.code).toBe('VALIDATION_FAILED');
    expect(both.body.message).toContain('asOf');
    expect(both.body.message).toContain('atPosition');
    for (const [query, field] of [
      ['atPosition=abc', 'atPosition'],
      ['atPosition=-1', 'atPosition'],
      ['atPosition=99999999', 'atPosition'],
      ['asOf=yesterday', 'asOf'],
      ['asOf=2023-02-30', 'asOf'],
      ['asOf=2023-01-15T10:00:00', 'asOf'],
    ]) {
      const r = await get(`/api/v1/balances?${query}`);
      expect({ query, status: r.status, code: r.body.code, field: r.body.details?.field }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED', field });
    }
    const badDay = await get('/api/v1/balances?valueDate=2022-02-30');
    expect([badDay.status, badDay.body.details?.field]).toEqual([400, 'valueDate']);
  });

  it('keeps scope in the past: an outsider is answered as for an unknown id, a district sees its own', async () => {
    expect((await get(`${PT}?atPosition=${p[1]}`, cast.outsider)).body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    const mine = await get(`/api/v1/balances?fiscalYear=2022&atPosition=${p[2]}`, cast.district);
    expect(mine.body.total).toMatchObject({ allocated: 71_570_000_000, disbursed: 17 * B });
  });

  it('cuts the audit trail at the position', async () => {
    const all = (await get('/api/v1/audit?allocation=PT-DA1.1-2022')).body.items as { position: number }[];
    const then = (await get(`/api/v1/audit?allocation=PT-DA1.1-2022&atPosition=${p[2]}`)).body.items as { position: number }[];
    expect(then.map((e) => e.position)).toEqual(all.map((e) => e.position).filter((x) => x <= p[2]!));
    expect(then.map((e) => e.position)).toContain(p[2]);
    expect((await get(`/api/v1/audit?disbursement=D3&atPosition=${p[3]}`)).status).toBe(400);
  });

  it('reads households and their statistics as they stood', async () => {
    const reg = await post(
      '/api/v1/households',
      { id: 'HT1', unit: 'MA-LI-PHO', area: 'rural', members: 4, headName: 'Lò Văn B', ethnicMinority: true },
      cast.social,
    );
    const a1 = await post(
      '/api/v1/households/HT1/assessments',
      { reviewType: 'periodic', reviewYear: 2023, incomePerCapita: 1_400_000, deprivations: ['latrine', 'telecom', 'nutrition'] },
      cast.social,
    );
    const a2 = await post(
      '/api/v1/households/HT1/assessments',
      { reviewType: 'adhoc', reviewYear: 2023, incomePerCapita: 1_400_000, deprivations: ['latrine'] },
      cast.social,
    );
    expect((await get(`/api/v1/households/HT1?atPosition=${reg - 1}`)).status).toBe(404);
    expect((await get(`/api/v1/households/HT1?atPosition=${reg}`)).body).toMatchObject({ classification: null, assessments: [] });
    expect((await get(`/api/v1/households/HT1?atPosition=${a1}`)).body).toMatchObject({ classification: 'poor' });
    expect((await get(`/api/v1/households/HT1?atPosition=${a2}`)).body).toMatchObject({ classification: 'near_poor' });
    const stats = async (at: number) => (await get(`/api/v1/households/stats?unit=MA-LI-PHO&reviewYear=2023&atPosition=${at}`)).body;
    expect(await stats(reg)).toMatchObject({ households: 0, byClassification: { poor: 0 }, at: { position: reg } });
    expect(await stats(a1)).toMatchObject({ households: 1, byClassification: { poor: 1, near_poor: 0 } });
    expect(await stats(a2)).toMatchObject({ households: 1, byClassification: { poor: 0, near_poor: 1 } });
  });

  it('GET /changes: what was recorded between two positions and how each balance moved', async () => {
    const r = await get(`/api/v1/changes?from=${p[1]}&to=${p[4]}&unit=PHONG-THO`);
    expect(r.status).toBe(200);
    expect(r.body.recorded).toEqual({ events: 3, byType: { DisbursementRecorded: 2, DisbursementReversed: 1 } });
    expect(r.body.items.map((e: { position: number }) => e.position)).toEqual([p[2], p[3], p[4]]);
    expect([r.body.nextCursor, r.body.at]).toEqual([null, { position: p[4] }]);
    expect(r.body.items[1].data).toMatchObject({ disbursementId: 'D2', valueDate: '2023-01-05' });
    expect(r.body.allocations).toEqual([
      {
        id: 'PT-DA1.1-2022',
        unit: 'PHONG-THO',
        before: { allocated: 71_570_000_000, subAllocated: 0, disbursed: 12 * B, available: 59_570_000_000 },
        after: { allocated: 71_570_000_000, subAllocated: 0, disbursed: 15 * B, available: 56_570_000_000 },
        delta: { allocated: 0, subAllocated: 0, disbursed: 3 * B, available: -3 * B },
      },
    ]);
  });

  it('GET /changes between moments, scoped to the reader', async () => {
    const r = await get(`/api/v1/changes?from=${T1}&to=${T2}`);
    expect(r.body.from.position).toBe(p[1]);
    expect(r.body.to.position).toBe(p[4]);
    expect(r.body.allocations.map((a: { id: string }) => a.id)).toEqual(['LC-DA1.1-2022', 'PT-DA1.1-2022']);
    const lc = r.body.allocations[0];
    expect(lc.delta).toEqual({ allocated: 0, subAllocated: 0, disbursed: 0, available: 0 });
    const reduction = await get(`/api/v1/changes?from=${p[4]}&to=${p[5] + 1}`, cast.district);
    expect(reduction.body.allocations).toEqual([
      expect.objectContaining({ id: 'PT-DA1.1-2022', delta: { allocated: -1 * B, subAllocated: 0, disbursed: 0, available: -1 * B } }),
    ]);
    const outsider = await get(`/api/v1/changes?from=${p[1]}&to=${p[4]}`, cast.outsider);
    expect([outsider.body.recorded.events, outsider.body.allocations]).toEqual([0, []]);
    expect((await get(`/api/v1/changes?from=${p[4]}&to=${p[1]}`)).body.details.field).toBe('from');
    expect((await get('/api/v1/changes?to=nope')).body.details.field).toBe('to');
  });
});
