import { ADMIN_TOKEN, startServer, type TestServer } from './support/server';
import { CENTRAL_DECISION, LINE, allocate, seed, type Cast } from './support/story';

/*
 * Maker-checker (issue 13): Lai Châu requires a second finance officer for Phong Thổ's payments of
 * 1,000,000,000 đ or more. pt-finance prepares them; pt-checker (the same district) or lc-finance
 * (the province above) decides them.
 */
const POLICY_DECISION = { number: '88/QĐ-UBND', date: '2022-07-15', issuer: 'UBND tỉnh Lai Châu' };
const THRESHOLD = 1_000_000_000;

describe('maker-checker: a payment at or above the threshold waits for a second finance officer', () => {
  let s: TestServer;
  let cast: Cast;
  let checker: string;
  const post = (path: string, token: string, body: unknown) => s.request('POST', path, { token, body });
  const get = (path: string, token: string) => s.request('GET', path, { token });
  const pay = (token: string, id: string, amount: number, allocation = 'PT-DA1.1-2022') =>
    post(`/api/v1/allocations/${allocation}/disbursements`, token, { id, amount, valueDate: '2022-09-15', voucher: `UNC-${id}` });

  beforeAll(async () => {
    s = await startServer();
    cast = await seed(s);
    await allocate(s, cast);
    const r = await post('/api/v1/users', ADMIN_TOKEN, { id: 'pt-checker', name: 'Kế toán trưởng Phong Thổ', role: 'finance_officer', units: ['PHONG-THO'] });
    checker = r.body.token;
  });
  afterAll(() => s.close());

  it('has no policy by default; the unit above sets one, the unit itself may not', async () => {
    expect((await get('/api/v1/units/PHONG-THO/approval-policy', cast.district)).body).toMatchObject({ unit: 'PHONG-THO', policy: null });
    const own = await s.request('PUT', '/api/v1/units/PHONG-THO/approval-policy', {
      token: cast.district,
      body: { threshold: THRESHOLD, decision: POLICY_DECISION },
    });
    expect(own).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const bad = await s.request('PUT', '/api/v1/units/PHONG-THO/approval-policy', {
      token: cast.province,
      body: { threshold: 1.5, decision: POLICY_DECISION },
    });
    expect(bad).toMatchObject({ status: 400, body: { details: { field: 'threshold' } } });
    const outside = await s.request('PUT', '/api/v1/units/PHONG-THO/approval-policy', {
      token: cast.outsider,
      body: { threshold: THRESHOLD, decision: POLICY_DECISION },
    });
    expect(outside.status).toBe(404);
    const set = await s.request('PUT', '/api/v1/units/PHONG-THO/approval-policy', {
      token: cast.province,
      body: { threshold: THRESHOLD, decision: POLICY_DECISION },
    });
    expect(set).toMatchObject({
      status: 200,
      body: { unit: 'PHONG-THO', policy: { unit: 'PHONG-THO', threshold: THRESHOLD, decision: POLICY_DECISION, setBy: 'lc-finance' } },
    });
    // The commune below has none of its own: its district's applies.
    expect((await get('/api/v1/units/MA-LI-PHO/approval-policy', cast.commune)).body.policy).toMatchObject({ unit: 'PHONG-THO', threshold: THRESHOLD });
    const again = await s.request('PUT', '/api/v1/units/PHONG-THO/approval-policy', {
      token: cast.province,
      body: { threshold: THRESHOLD, decision: POLICY_DECISION },
    });
    expect(again.body.position).toBe(set.body.position);
  });

  it('pays below the threshold at once, and reserves a request at exactly the threshold', async () => {
    expect(await pay(cast.district, 'PAY-SMALL', THRESHOLD - 1)).toMatchObject({ status: 201, body: { id: 'PAY-SMALL', status: 'disbursed' } });
    const before = (await get('/api/v1/allocations/PT-DA1.1-2022', cast.district)).body;
    expect(await pay(cast.district, 'REQ-1', THRESHOLD)).toMatchObject({
      status: 201,
      body: { id: 'REQ-1', allocationId: 'PT-DA1.1-2022', status: 'pending' },
    });
    const after = (await get('/api/v1/allocations/PT-DA1.1-2022', cast.district)).body;
    expect(after).toMatchObject({ disbursed: before.disbursed, pending: THRESHOLD, available: before.available - THRESHOLD });
    // Its id is taken, and it is no payment yet.
    expect((await pay(cast.district, 'REQ-1', 5)).status).toBe(409);
    expect((await get('/api/v1/disbursements/REQ-1', cast.district)).status).toBe(404);
    const balances = (await get('/api/v1/balances?unit=PHONG-THO', cast.district)).body.total;
    expect(balances).toMatchObject({ pending: THRESHOLD });
    expect(balances.available).toBe(balances.allocated - balances.subAllocated - balances.disbursed - balances.pending);
  });

  it('refuses self-approval, other roles and other units; another officer approves once', async () => {
    expect(await post('/api/v1/disbursements/REQ-1/approval', cast.district, {})).toMatchObject({ status: 403, body: { code: 'SEPARATION_OF_DUTIES' } });
    expect(await post('/api/v1/disbursements/REQ-1/rejection', cast.district, { reason: 'mine' })).toMatchObject({
      status: 403,
      body: { code: 'SEPARATION_OF_DUTIES' },
    });
    expect(await post('/api/v1/disbursements/REQ-1/approval', cast.supervisor, {})).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await post('/api/v1/disbursements/REQ-1/approval', cast.admin, {})).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await post('/api/v1/disbursements/REQ-1/approval', cast.outsider, {})).status).toBe(404);
    expect((await post('/api/v1/disbursements/NOPE/approval', checker, {})).status).toBe(404);
    expect((await post('/api/v1/disbursements/REQ-1/approval', checker, { comment: 42 })).status).toBe(400);

    const approved = await post('/api/v1/disbursements/REQ-1/approval', checker, { comment: 'đối chiếu hợp đồng 12/HĐ' });
    expect(approved).toMatchObject({ status: 201, body: { id: 'REQ-1', allocationId: 'PT-DA1.1-2022', status: 'approved' } });
    expect(await post('/api/v1/disbursements/REQ-1/approval', checker, {})).toMatchObject({ status: 409, body: { code: 'ALREADY_DECIDED' } });
    expect(await post('/api/v1/disbursements/REQ-1/rejection', cast.province, { reason: 'late' })).toMatchObject({
      status: 409,
      body: { code: 'ALREADY_DECIDED' },
    });

    const view = (await get('/api/v1/allocations/PT-DA1.1-2022', cast.district)).body;
    expect(view).toMatchObject({ pending: 0, disbursed: 2 * THRESHOLD - 1 });
    const payment = (await get('/api/v1/disbursements/REQ-1', cast.district)).body;
    expect(payment).toMatchObject({
      amount: THRESHOLD,
      valueDate: '2022-09-15',
      recordedBy: 'pt-finance',
      approval: { approvedBy: 'pt-checker', comment: 'đối chiếu hợp đồng 12/HĐ' },
    });

    // The audit trail shows both people.
    const trail = (await get('/api/v1/audit?disbursement=REQ-1', cast.inspector)).body.items;
    expect(trail.map((e: { type: string; actor: { userId: string } }) => [e.type, e.actor.userId])).toEqual([
      ['DisbursementRequested', 'pt-finance'],
      ['DisbursementApproved', 'pt-checker'],
    ]);
    expect(trail[1].data).toMatchObject({ requestedBy: 'pt-finance', approvedBy: 'pt-checker' });
    // An approved payment is reversed like any other.
    expect((await post('/api/v1/disbursements/REQ-1/reversal', cast.district, { reason: 'trùng chứng từ' })).status).toBe(201);
    expect((await get('/api/v1/allocations/PT-DA1.1-2022', cast.district)).body).toMatchObject({ pending: 0, disbursed: THRESHOLD - 1 });
  });

  it('lets the maker alone withdraw, the unit above reject, and releases the reservation', async () => {
    const start = (await get('/api/v1/allocations/PT-DA1.1-2022', cast.district)).body.available;
    expect((await pay(cast.district, 'REQ-2', 2 * THRESHOLD)).body.status).toBe('pending');
    expect((await pay(cast.district, 'REQ-3', 3 * THRESHOLD)).body.status).toBe('pending');
    expect((await get('/api/v1/allocations/PT-DA1.1-2022', cast.district)).body).toMatchObject({ pending: 5 * THRESHOLD, available: start - 5 * THRESHOLD });
    expect(await post('/api/v1/disbursements/REQ-2/withdrawal', checker, { reason: 'not mine' })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await post('/api/v1/disbursements/REQ-2/withdrawal', cast.district, { reason: 'sai tài khoản người nhận' })).toMatchObject({
      status: 201,
      body: { status: 'withdrawn' },
    });
    expect((await post('/api/v1/disbursements/REQ-3/rejection', cast.province, {})).status).toBe(400);
    expect(await post('/api/v1/disbursements/REQ-3/rejection', cast.province, { reason: 'thiếu hồ sơ nghiệm thu' })).toMatchObject({
      status: 201,
      body: { status: 'rejected' },
    });
    expect(await post('/api/v1/disbursements/REQ-2/withdrawal', cast.district, { reason: 'again' })).toMatchObject({
      status: 409,
      body: { code: 'ALREADY_DECIDED' },
    });
    expect((await get('/api/v1/allocations/PT-DA1.1-2022', cast.district)).body).toMatchObject({ pending: 0, available: start });
  });

  it('lists requests by status, in scope, with who decided and why; the trace shows them', async () => {
    expect((await pay(cast.district, 'REQ-4', THRESHOLD)).body.status).toBe('pending');
    const all = (await get('/api/v1/approvals?unit=PHONG-THO', cast.province)).body;
    expect(all.items.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      ['REQ-1', 'approved'],
      ['REQ-2', 'withdrawn'],
      ['REQ-3', 'rejected'],
      ['REQ-4', 'pending'],
    ]);
    expect(all.items[2]).toMatchObject({
      allocationId: 'PT-DA1.1-2022',
      amount: 3 * THRESHOLD,
      valueDate: '2022-09-15',
      voucher: 'UNC-REQ-3',
      requestedBy: 'pt-finance',
      decision: { by: 'lc-finance', reason: 'thiếu hồ sơ nghiệm thu' },
    });
    const pending = (await get('/api/v1/approvals?status=pending', checker)).body.items;
    expect(pending).toEqual([expect.objectContaining({ id: 'REQ-4', status: 'pending', decision: null })]);
    const paged = (await get('/api/v1/approvals?limit=3', cast.district)).body;
    expect(paged.items).toHaveLength(3);
    expect((await get(`/api/v1/approvals?limit=3&cursor=${paged.nextCursor}`, cast.district)).body.items.map((r: { id: string }) => r.id)).toEqual(['REQ-4']);
    expect((await get('/api/v1/approvals', cast.outsider)).body.items).toEqual([]);
    expect((await get('/api/v1/approvals?unit=PHONG-THO', cast.outsider)).status).toBe(400);
    expect((await get('/api/v1/approvals?status=maybe', cast.district)).status).toBe(400);
    const trace = (await get('/api/v1/allocations/PT-DA1.1-2022/trace', cast.district)).body;
    expect(trace.reconciles).toBe(true);
    expect(trace.tree).toMatchObject({ pending: THRESHOLD });
    expect(trace.tree.requests.map((r: { id: string }) => r.id)).toEqual(['REQ-1', 'REQ-2', 'REQ-3', 'REQ-4']);
  });

  it('of 50 concurrent approvals exactly one wins', async () => {
    expect((await pay(cast.district, 'REQ-RACE', 4 * THRESHOLD)).body.status).toBe('pending');
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => post('/api/v1/disbursements/REQ-RACE/approval', i % 2 ? checker : cast.province, { comment: `#${i}` })),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409 && r.body.code === 'ALREADY_DECIDED')).toHaveLength(49);
    const trail = (await get('/api/v1/audit?disbursement=REQ-RACE', cast.inspector)).body.items;
    expect(trail.map((e: { type: string }) => e.type)).toEqual(['DisbursementRequested', 'DisbursementApproved']);
  });

  it('applies a removed policy no more: the nearest ancestor’s, or none', async () => {
    const removed = await s.request('PUT', '/api/v1/units/PHONG-THO/approval-policy', {
      token: cast.province,
      body: { threshold: null, decision: POLICY_DECISION },
    });
    expect(removed).toMatchObject({ status: 200, body: { policy: null } });
    expect(await pay(cast.district, 'PAY-BIG', 5 * THRESHOLD)).toMatchObject({ status: 201, body: { status: 'disbursed' } });
    // An admin sets one on the province: Phong Thổ inherits it.
    await s.request('PUT', '/api/v1/units/LAI-CHAU/approval-policy', { token: cast.admin, body: { threshold: 7 * THRESHOLD, decision: CENTRAL_DECISION } });
    expect((await get('/api/v1/units/PHONG-THO/approval-policy', cast.district)).body.policy).toMatchObject({ unit: 'LAI-CHAU', threshold: 7 * THRESHOLD });
    expect((await pay(cast.district, 'REQ-5', 7 * THRESHOLD)).body.status).toBe('pending');
  });
});

describe('maker-checker: pending reservations racing payments', () => {
  let s: TestServer;
  let cast: Cast;
  beforeAll(async () => {
    s = await startServer();
    cast = await seed(s);
  });
  afterAll(() => s.close());

  it('never lets requests and payments together overspend; disbursed + pending + available = allocated − subAllocated', async () => {
    const allocated = 200_000_000;
    const token = async (id: string) =>
      (await s.request('POST', '/api/v1/users', { token: ADMIN_TOKEN, body: { id, name: id, role: 'finance_officer', units: ['PHONG-THO'] } })).body
        .token as string;
    const makers = [await token('maker-a'), await token('maker-b')];
    const checkerToken = await token('checker-c');
    expect(
      (
        await s.request('POST', '/api/v1/allocations', {
          token: cast.province,
          body: { id: 'HOT', unit: 'PHONG-THO', ...LINE, amount: allocated, decision: CENTRAL_DECISION },
        })
      ).status,
    ).toBe(201);
    await s.request('PUT', '/api/v1/units/PHONG-THO/approval-policy', { token: cast.province, body: { threshold: 5_000_000, decision: CENTRAL_DECISION } });

    const views: { disbursed: number; pending: number; available: number }[] = [];
    let running = true;
    const watcher = (async () => {
      while (running) views.push((await s.request('GET', '/api/v1/allocations/HOT', { token: cast.district })).body);
    })();
    const amounts = Array.from({ length: 120 }, (_, i) => 2_000_000 + (i % 7) * 1_000_000 + i);
    const decisions: Promise<unknown>[] = [];
    await Promise.all(
      amounts.map(async (amount, i) => {
        const r = await s.request('POST', '/api/v1/allocations/HOT/disbursements', {
          token: makers[i % 2]!,
          body: { id: `R-${i}`, amount, valueDate: '2022-10-01', voucher: `V-${i}` },
        });
        expect([201, 409]).toContain(r.status);
        if (r.status === 409) expect(r.body.code).toBe('INSUFFICIENT_FUNDS');
        // Every third request is rejected, the others approved, while payments keep arriving.
        if (r.body.status === 'pending')
          decisions.push(
            s.request('POST', `/api/v1/disbursements/R-${i}/${i % 3 === 0 ? 'rejection' : 'approval'}`, {
              token: checkerToken,
              body: i % 3 === 0 ? { reason: 'thiếu hồ sơ' } : {},
            }),
          );
      }),
    );
    await Promise.all(decisions);
    running = false;
    await watcher;
    expect(views.length).toBeGreaterThan(0);
    for (const v of views) expect(v.available).toBeGreaterThanOrEqual(0);

    const end = (await s.request('GET', '/api/v1/allocations/HOT', { token: cast.district })).body;
    expect(end.disbursed + end.pending + end.available).toBe(end.allocated - end.subAllocated);
    expect(end.available).toBeGreaterThanOrEqual(0);
    const requests = (await s.request('GET', '/api/v1/approvals?limit=1000', { token: cast.district })).body.items as { amount: number; status: string }[];
    expect(end.pending).toBe(requests.filter((r) => r.status === 'pending').reduce((t, r) => t + r.amount, 0));
    const trace = (await s.request('GET', '/api/v1/allocations/HOT/trace', { token: cast.district })).body;
    expect(trace.reconciles).toBe(true);
    const balances = (await s.request('GET', '/api/v1/balances', { token: cast.district })).body.rows;
    for (const row of balances) expect(row.disbursed + row.pending + row.available).toBe(row.allocated - row.subAllocated);
  });
});
