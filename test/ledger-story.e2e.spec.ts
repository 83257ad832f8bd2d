import { allocate, seed, type Cast } from './support/story';
import { startServer, type TestServer } from './support/server';

/** The story of issue 2, through the real server on a temporary SQLite file. */
describe('the ledger story (HTTP, SQLite)', () => {
  let s: TestServer;
  let cast: Cast;

  beforeAll(async () => {
    s = await startServer();
    cast = await seed(s);
    await allocate(s, cast);
  });
  afterAll(() => s.close());

  const disburse = (id: string, amount: number, token = cast.district) =>
    s.request('POST', '/api/v1/allocations/PT-DA1.1-2022/disbursements', { token, body: { id, amount, valueDate: '2022-09-15', voucher: `UNC-${id}` } });

  it('passes 71,570,000,000 đ down to Phong Thổ under decision 747/QĐ-UBND', async () => {
    const pt = await s.request('GET', '/api/v1/allocations/PT-DA1.1-2022', { token: cast.district });
    expect(pt.status).toBe(200);
    expect(pt.body).toMatchObject({
      unit: 'PHONG-THO',
      parentId: 'LC-DA1.1-2022',
      allocated: 71_570_000_000,
      available: 71_570_000_000,
      decision: { number: '747/QĐ-UBND' },
    });
    const lc = await s.request('GET', '/api/v1/allocations/LC-DA1.1-2022', { token: cast.province });
    expect(lc.body).toMatchObject({
      allocated: 300_000_000_000,
      subAllocated: 71_570_000_000,
      available: 228_430_000_000,
      children: [{ id: 'PT-DA1.1-2022', allocated: 71_570_000_000 }],
    });
  });

  it('records disbursements, reverses a wrong one, and every balance is right on return', async () => {
    expect((await disburse('D1', 12_000_000_000)).status).toBe(201);
    const wrong = await disburse('D-WRONG', 5_000_000_000);
    expect(wrong.status).toBe(201);
    expect(wrong.body).toMatchObject({ id: 'D-WRONG', position: expect.any(Number) });
    expect((await disburse('D2', 15_673_000_000)).status).toBe(201);
    const reversal = await s.request('POST', '/api/v1/disbursements/D-WRONG/reversal', { token: cast.district, body: { reason: 'voucher posted twice' } });
    expect(reversal.status).toBe(201);
    const again = await s.request('POST', '/api/v1/disbursements/D-WRONG/reversal', { token: cast.district, body: { reason: 'again' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_REVERSED');

    const pt = await s.request('GET', '/api/v1/allocations/PT-DA1.1-2022', { token: cast.district });
    // "giải ngân 27.673/71.570 triệu đồng, đạt 38,67%"
    expect(pt.body).toMatchObject({
      allocated: 71_570_000_000,
      subAllocated: 0,
      disbursed: 27_673_000_000,
      disbursedTotal: 27_673_000_000,
      available: 43_897_000_000,
      disbursementRate: 38.67,
    });
    const lc = await s.request('GET', '/api/v1/allocations/LC-DA1.1-2022', { token: cast.province });
    expect(lc.body).toMatchObject({ disbursed: 0, disbursedTotal: 27_673_000_000, available: 228_430_000_000, disbursementRate: 9.22 });
  });

  it('refuses to overspend, and a reduction below what is committed', async () => {
    const over = await disburse('D-OVER', 43_897_000_001);
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('INSUFFICIENT_FUNDS');
    const cut = await s.request('POST', '/api/v1/allocations/PT-DA1.1-2022/adjustments', {
      token: cast.province,
      body: { delta: -43_897_000_001, decision: { number: '900/QĐ-UBND', date: '2022-10-01', issuer: 'UBND tỉnh Lai Châu' }, reason: 'slow disbursement' },
    });
    expect(cut.status).toBe(409);
    expect(cut.body.code).toBe('BELOW_COMMITTED');
  });

  it('moves a sub-allocation adjustment between parent and child, đồng for đồng', async () => {
    const decision = { number: '901/QĐ-UBND', date: '2022-10-02', issuer: 'UBND tỉnh Lai Châu' };
    const down = await s.request('POST', '/api/v1/allocations/PT-DA1.1-2022/adjustments', {
      token: cast.province,
      body: { delta: -3_897_000_000, decision, reason: 'moved to another district' },
    });
    expect(down.status).toBe(201);
    const up = await s.request('POST', '/api/v1/allocations/PT-DA1.1-2022/adjustments', {
      token: cast.province,
      body: { delta: 1_000_000_000, decision, reason: 'top-up' },
    });
    expect(up.status).toBe(201);
    const tooMuch = await s.request('POST', '/api/v1/allocations/PT-DA1.1-2022/adjustments', {
      token: cast.province,
      body: { delta: 300_000_000_000, decision, reason: 'too much' },
    });
    expect(tooMuch.body.code).toBe('INSUFFICIENT_FUNDS');
    const pt = (await s.request('GET', '/api/v1/allocations/PT-DA1.1-2022', { token: cast.admin })).body;
    const lc = (await s.request('GET', '/api/v1/allocations/LC-DA1.1-2022', { token: cast.admin })).body;
    expect(pt.allocated).toBe(68_673_000_000);
    expect(lc.subAllocated).toBe(68_673_000_000);
    expect(lc.available + lc.subAllocated + lc.disbursed).toBe(lc.allocated);
  });

  it("balances show the allocation view's figures, count each đồng once, and rows by unit add up to the total", async () => {
    const r = await s.request('GET', '/api/v1/balances?fiscalYear=2022&unit=LAI-CHAU&groupBy=unit', { token: cast.inspector });
    expect(r.status).toBe(200);
    const figures = ({ allocated, subAllocated, disbursed, pending, available, disbursementRate }: Record<string, number>) => ({
      allocated,
      subAllocated,
      disbursed,
      pending,
      available,
      disbursementRate,
    });
    const lc = (await s.request('GET', '/api/v1/allocations/LC-DA1.1-2022', { token: cast.inspector })).body;
    const pt = (await s.request('GET', '/api/v1/allocations/PT-DA1.1-2022', { token: cast.inspector })).body;
    expect(r.body.rows).toEqual([
      {
        unit: 'LAI-CHAU',
        allocated: 300_000_000_000,
        subAllocated: 68_673_000_000,
        disbursed: 0,
        pending: 0,
        available: 231_327_000_000,
        disbursementRate: 9.22,
      },
      {
        unit: 'PHONG-THO',
        allocated: 68_673_000_000,
        subAllocated: 0,
        disbursed: 27_673_000_000,
        pending: 0,
        available: 41_000_000_000,
        disbursementRate: 40.3,
      },
    ]);
    // A row holding one allocation shows exactly what GET /allocations/{id} shows.
    expect(r.body.rows.map(({ unit: _u, ...f }: Record<string, number>) => f)).toEqual([figures(lc), figures(pt)]);
    // The 68,673,000,000 passed down to Phong Thổ is inside Lai Châu's 300,000,000,000: the total counts it once.
    expect(r.body.total).toEqual({
      allocated: 300_000_000_000,
      subAllocated: 0,
      disbursed: 27_673_000_000,
      pending: 0,
      available: 272_327_000_000,
      disbursementRate: 9.22,
    });
    const sum = (k: string) => r.body.rows.reduce((n: number, row: Record<string, number>) => n + row[k]!, 0);
    expect([sum('allocated') - sum('subAllocated'), sum('disbursed'), sum('available')]).toEqual([
      r.body.total.allocated - r.body.total.subAllocated,
      r.body.total.disbursed,
      r.body.total.available,
    ]);
    const district = await s.request('GET', '/api/v1/balances?unit=PHONG-THO&groupBy=project,subProject', { token: cast.supervisor });
    expect(district.body.rows).toEqual([
      {
        project: 'DA1',
        subProject: 'DA1.1',
        allocated: 68_673_000_000,
        subAllocated: 0,
        disbursed: 27_673_000_000,
        pending: 0,
        available: 41_000_000_000,
        disbursementRate: 40.3,
      },
    ]);
    // A unit above the supervisor's is answered as an unknown one (issue 15): the filter reveals nothing.
    const above = await s.request('GET', '/api/v1/balances?unit=LAI-CHAU', { token: cast.supervisor });
    expect([above.status, above.body.code, above.body.message]).toEqual([400, 'UNKNOWN_REFERENCE', "unit: no such unit 'LAI-CHAU'"]);
  });

  it('classifies households by the standard of the review year and records every change of class', async () => {
    const reg = (id: string, area: string) =>
      s.request('POST', '/api/v1/households', {
        token: cast.social,
        body: { id, unit: 'MA-LI-PHO', area, members: 4, headName: 'Lò Văn A', ethnicMinority: true },
      });
    const assess = (id: string, body: object) =>
      s.request('POST', `/api/v1/households/${id}/assessments`, { token: cast.social, body: { reviewType: 'periodic', ...body } });
    expect((await reg('H1', 'rural')).status).toBe(201);
    expect((await reg('H2', 'rural')).status).toBe(201);
    expect((await reg('H3', 'urban')).status).toBe(201);

    const y2021 = await assess('H1', { reviewYear: 2021, incomePerCapita: 650_000, deprivations: ['health_access', 'latrine'] });
    expect(y2021.body).toMatchObject({ classification: 'poor', previousClassification: null, standard: 'MDP-2016-2020' });
    const y2022 = await assess('H1', { reviewYear: 2022, incomePerCapita: 1_400_000, deprivations: ['nutrition', 'latrine', 'telecom'] });
    expect(y2022.body).toMatchObject({ classification: 'poor', previousClassification: 'poor', standard: 'MDP-2022-2025' });
    const y2023 = await assess('H1', { reviewYear: 2023, incomePerCapita: 1_400_000, deprivations: ['latrine', 'telecom'] });
    expect(y2023.body).toMatchObject({ classification: 'near_poor', previousClassification: 'poor' });
    expect((await assess('H2', { reviewYear: 2023, incomePerCapita: 2_500_000, deprivations: [] })).body.classification).toBe('not_poor');
    expect((await assess('H3', { reviewYear: 2023, incomePerCapita: 2_500_000, deprivations: ['telecom'] })).body.classification).toBe('average');
    const wrongStandard = await assess('H2', { reviewYear: 2021, incomePerCapita: 100, deprivations: ['employment'] });
    expect(wrongStandard.status).toBe(400);
    expect(wrongStandard.body.message).toContain('deprivations[0]');

    const h1 = await s.request('GET', '/api/v1/households/H1', { token: cast.supervisor });
    expect(h1.body).toMatchObject({ classification: 'near_poor', standard: 'MDP-2022-2025' });
    expect(h1.body.assessments).toHaveLength(3);
    expect(h1.body.reclassifications).toEqual([expect.objectContaining({ from: 'poor', to: 'near_poor', reviewYear: 2023 })]);

    const stats = await s.request('GET', '/api/v1/households/stats?unit=PHONG-THO&reviewYear=2023', { token: cast.supervisor });
    expect(stats.body).toMatchObject({
      households: 3,
      byClassification: { poor: 0, near_poor: 1, average: 1, not_poor: 1 },
      rates: { poor: 0, near_poor: 33.33, average: 33.33, not_poor: 33.33 },
      deprivations: { latrine: 1, telecom: 2 },
    });
    expect(stats.body.byUnit).toEqual([
      expect.objectContaining({ unit: 'MA-LI-PHO', households: 3, byClassification: { poor: 0, near_poor: 1, average: 1, not_poor: 1 } }),
      expect.objectContaining({ unit: 'DAO-SAN', households: 0 }),
    ]);
    const trail = await s.request('GET', '/api/v1/audit?household=H1', { token: cast.inspector });
    expect(trail.body.items.map((i: { type: string }) => i.type)).toEqual([
      'HouseholdRegistered',
      'HouseholdAssessed',
      'HouseholdAssessed',
      'HouseholdAssessed',
      'HouseholdReclassified',
    ]);
  });

  it('gives a supervisor the audit trail: who, when, under which decision, and why', async () => {
    const trail = await s.request('GET', '/api/v1/audit?allocation=PT-DA1.1-2022', { token: cast.supervisor });
    expect(trail.status).toBe(200);
    const types = trail.body.items.map((i: { type: string }) => i.type);
    // The district supervisor sees its own allocation's events; the province's side stays in the province's scope.
    expect(types[0]).toBe('AllocationGranted');
    expect(types).not.toContain('FundsPassedDown');
    const inspector = await s.request('GET', '/api/v1/audit?allocation=PT-DA1.1-2022', { token: cast.inspector });
    expect(inspector.body.items.slice(0, 2).map((i: { type: string }) => i.type)).toEqual(['FundsPassedDown', 'AllocationGranted']);
    expect(types.filter((t: string) => t === 'DisbursementRecorded')).toHaveLength(3);
    expect(types).toContain('DisbursementReversed');
    const reversal = trail.body.items.find((i: { type: string }) => i.type === 'DisbursementReversed');
    expect(reversal).toMatchObject({
      actor: { userId: 'pt-finance', role: 'finance_officer' },
      metadata: { reason: 'voucher posted twice' },
      data: { disbursementId: 'D-WRONG', amount: 5_000_000_000 },
    });
    expect(Date.parse(reversal.recordedAt)).not.toBeNaN();

    const byDecision = await s.request('GET', `/api/v1/audit?decision=${encodeURIComponent('747/QĐ-UBND')}`, { token: cast.inspector });
    expect(byDecision.body.items.map((i: { type: string }) => i.type)).toEqual(['FundsPassedDown', 'AllocationGranted']);
    expect(byDecision.body.items[1].metadata.decision).toEqual({ number: '747/QĐ-UBND', date: '2022-06-30', issuer: 'UBND tỉnh Lai Châu' });

    const page1 = await s.request('GET', '/api/v1/audit?limit=5', { token: cast.inspector });
    expect(page1.body.items).toHaveLength(5);
    const page2 = await s.request('GET', `/api/v1/audit?limit=5&cursor=${page1.body.nextCursor}`, { token: cast.inspector });
    expect(page2.body.items[0].position).toBe(page1.body.items[4].position + 1);
    const users = await s.request('GET', '/api/v1/audit?actor=system', { token: cast.inspector });
    expect(JSON.stringify(users.body)).not.toMatch(/"tokenHash":"[0-9a-f]{64}"/);
  });

  it('offers no way to edit or delete anything', async () => {
    for (const [method, path] of [
      ['PUT', '/api/v1/allocations/PT-DA1.1-2022'],
      ['PATCH', '/api/v1/allocations/PT-DA1.1-2022'],
      ['DELETE', '/api/v1/allocations/PT-DA1.1-2022'],
      ['DELETE', '/api/v1/disbursements/D1'],
      ['DELETE', '/api/v1/households/H1'],
    ] as const) {
      const r = await s.request(method, path, { token: cast.admin, body: {} });
      expect(r.status).toBe(404);
    }
  });
});
