import { CENTRAL_DECISION, LINE, seed, type Cast } from './support/story';
import { startServer, type TestServer } from './support/server';

describe('200 simultaneous disbursements against one allocation', () => {
  let s: TestServer;
  let cast: Cast;

  beforeAll(async () => {
    s = await startServer();
    cast = await seed(s);
  });
  afterAll(() => s.close());

  it('never overspends: successes sum to at most the allocation and the trail holds exactly them', async () => {
    const allocation = 150_000_000;
    const grant = await s.request('POST', '/api/v1/allocations', {
      token: cast.province,
      body: { id: 'HOT', unit: 'PHONG-THO', ...LINE, amount: allocation, decision: CENTRAL_DECISION },
    });
    expect(grant.status).toBe(201);
    // Amounts differ so that every success is identifiable; together they ask for far more than there is.
    const amounts = Array.from({ length: 200 }, (_, i) => 1_000_000 + i * 1_000);
    const replies = await Promise.all(
      amounts.map((amount, i) =>
        s.request('POST', '/api/v1/allocations/HOT/disbursements', {
          token: cast.district,
          body: { id: `C-${i}`, amount, valueDate: '2022-10-01', voucher: `V-${i}` },
        }),
      ),
    );
    const ok = replies.map((r, i) => ({ r, i })).filter(({ r }) => r.status === 201);
    const refused = replies.filter((r) => r.status !== 201);
    expect(refused.every((r) => r.status === 409 && r.body.code === 'INSUFFICIENT_FUNDS')).toBe(true);
    const paid = ok.reduce((sum, { i }) => sum + amounts[i]!, 0);
    expect(paid).toBeLessThanOrEqual(allocation);
    expect(ok.length).toBeGreaterThan(100);

    const view = (await s.request('GET', '/api/v1/allocations/HOT', { token: cast.district })).body;
    expect(view.disbursed).toBe(paid);
    expect(view.available).toBe(allocation - paid);
    expect(view.available).toBeGreaterThanOrEqual(0);
    // Available only shrinks, so every refused amount must exceed what is left at the end.
    const smallestRefused = Math.min(...replies.map((r, i) => (r.status === 201 ? Infinity : amounts[i]!)));
    expect(smallestRefused).toBeGreaterThan(view.available);

    const trail: { type: string; data: { disbursementId: string; amount: number } }[] = [];
    let cursor: string | null = '0';
    while (cursor !== null) {
      const page: { body: { items: typeof trail; nextCursor: string | null } } = await s.request(
        'GET',
        `/api/v1/audit?allocation=HOT&limit=1000&cursor=${cursor}`,
        { token: cast.inspector },
      );
      trail.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    const recorded = trail.filter((e) => e.type === 'DisbursementRecorded');
    expect(recorded.map((e) => e.data.disbursementId).sort()).toEqual(ok.map(({ i }) => `C-${i}`).sort());
    expect(recorded.reduce((sum, e) => sum + e.data.amount, 0)).toBe(paid);
  });

  it('lets one of many allocations racing for the same disbursement id have it, and the ledger goes on', async () => {
    for (const id of ['RACE-A', 'RACE-B', 'RACE-C', 'RACE-D']) {
      const r = await s.request('POST', '/api/v1/allocations', {
        token: cast.province,
        body: { id, unit: 'PHONG-THO', ...LINE, amount: 10_000_000, decision: CENTRAL_DECISION },
      });
      expect(r.status).toBe(201);
    }
    // The same client-chosen id, at the same moment, on four allocations: the read-model check
    // cannot see the others yet; the log's claim on the id is what refuses them.
    const replies = await Promise.all(
      ['RACE-A', 'RACE-B', 'RACE-C', 'RACE-D'].map((a) =>
        s.request('POST', `/api/v1/allocations/${a}/disbursements`, {
          token: cast.district,
          body: { id: 'SAME-ID', amount: 1_000_000, valueDate: '2022-10-01', voucher: 'V-same' },
        }),
      ),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409).every((r) => r.body.code === 'ALREADY_EXISTS')).toBe(true);
    const disbursed = await Promise.all(
      ['RACE-A', 'RACE-B', 'RACE-C', 'RACE-D'].map(
        async (a) => (await s.request('GET', `/api/v1/allocations/${a}`, { token: cast.district })).body.disbursed as number,
      ),
    );
    expect(disbursed.reduce((x, y) => x + y, 0)).toBe(1_000_000);
    expect(disbursed[replies.findIndex((r) => r.status === 201)]).toBe(1_000_000);
    // The read models did not stop on it: a later write is answered and read back.
    const next = await s.request('POST', '/api/v1/allocations/RACE-B/disbursements', {
      token: cast.district,
      body: { id: 'AFTER-RACE', amount: 5, valueDate: '2022-10-01', voucher: 'V-after' },
    });
    expect(next.status).toBe(201);
    expect((await s.request('GET', '/api/v1/allocations/RACE-B', { token: cast.district })).body.disbursed).toBe(disbursed[1]! + 5);
  });
});
