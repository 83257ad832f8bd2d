import { LiveStream } from '../apps/api/src/events/stream/live-stream.handler';
import { openStream, type OpenStream } from './support/event-stream';
import { startServer, type TestServer } from './support/server';
import { CENTRAL_DECISION, LINE, allocate, seed, type Cast } from './support/story';

type Live = { position: number; type: string; unit: string | null; allocationId: string | null; disbursementId: string | null };

const live = (s: OpenStream) => s.event().then((f) => f && (f.data as Live));

describe('GET /api/v1/events/stream: committed events, scoped, as server-sent events', () => {
  let s: TestServer;
  let cast: Cast;
  /** A second finance officer of Phong Thổ: the stream's reader is one (cast.district), the payer the other. */
  let colleague = '';
  const open: OpenStream[] = [];
  const stream = async (options: Parameters<typeof openStream>[1]) => {
    const st = await openStream(s.url, options);
    open.push(st);
    return st;
  };
  let paid = 0;
  const pay = async (allocation: string, token: string) => {
    const r = await s.request('POST', `/api/v1/allocations/${allocation}/disbursements`, {
      token,
      body: { id: `D-${++paid}`, amount: 1_000_000, valueDate: '2022-09-15', voucher: `UNC-${paid}` },
    });
    expect(r.status).toBe(201);
    return r.body as { id: string; position: number };
  };

  beforeAll(async () => {
    s = await startServer({ heartbeatMs: 200 });
    cast = await seed(s);
    await allocate(s, cast);
    await s.request('POST', '/api/v1/allocations', {
      token: cast.admin,
      body: { id: 'DB-DA1.1-2022', unit: 'DIEN-BIEN', ...LINE, amount: 50_000_000_000, decision: CENTRAL_DECISION },
    });
    const r = await s.request('POST', '/api/v1/users', {
      token: cast.admin,
      body: { id: 'pt-finance-2', name: 'pt-finance-2', role: 'finance_officer', units: ['PHONG-THO'] },
    });
    colleague = r.body.token;
  });
  afterEach(() => {
    for (const st of open.splice(0)) st.close();
  });
  afterAll(() => s.close());

  it('sends a district officer the payment another officer of the district posts, and not one posted in another province', async () => {
    const reader = await stream({ token: cast.district });
    const elsewhere = await pay('DB-DA1.1-2022', cast.outsider);
    const here = await pay('PT-DA1.1-2022', colleague);
    const first = await live(reader);
    expect(first).toMatchObject({
      position: here.position,
      type: 'DisbursementRecorded',
      unit: 'PHONG-THO',
      allocationId: 'PT-DA1.1-2022',
      disbursementId: here.id,
    });
    expect(here.position).toBeGreaterThan(elsewhere.position);
  });

  it('sends the province what happens in its districts, and an inspector of the whole country everything', async () => {
    const province = await stream({ token: cast.province });
    const inspector = await stream({ token: cast.inspector });
    const elsewhere = await pay('DB-DA1.1-2022', cast.outsider);
    const here = await pay('PT-DA1.1-2022', cast.district);
    expect((await live(province))!.position).toBe(here.position);
    expect((await live(inspector))!.position).toBe(elsewhere.position);
    expect((await live(inspector))!.position).toBe(here.position);
  });

  it('resumes after a given position: ?after= and Last-Event-ID (which wins) replay what followed, then go on live', async () => {
    const a = await pay('PT-DA1.1-2022', cast.district);
    await pay('DB-DA1.1-2022', cast.outsider);
    const b = await pay('PT-DA1.1-2022', cast.district);
    const byQuery = await stream({ token: cast.district, query: `?after=${a.position - 1}` });
    expect((await live(byQuery))!.position).toBe(a.position);
    expect((await live(byQuery))!.position).toBe(b.position);
    const byHeader = await stream({ token: cast.district, query: '?after=0', lastEventId: String(a.position) });
    expect((await live(byHeader))!.position).toBe(b.position);
    const c = await pay('PT-DA1.1-2022', cast.district);
    expect((await live(byHeader))!.position).toBe(c.position);
    expect((await live(byQuery))!.position).toBe(c.position);
  });

  it('keeps the connection alive with heartbeat comments', async () => {
    const reader = await stream({ token: cast.supervisor });
    const frame = await reader.frame();
    expect(frame).toEqual({ id: null, data: null, comments: ['heartbeat'] });
  });

  it('answers 401 without a token, and 400 naming the field for a position that is not one', async () => {
    const anonymous = await stream({});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    const bad = await stream({ token: cast.district, query: '?after=abc' });
    expect([bad.status, (bad.body as { details: { field: string } }).details.field]).toEqual([400, 'after']);
    const future = await stream({ token: cast.district, lastEventId: '99999999' });
    expect([future.status, (future.body as { details: { field: string } }).details.field]).toEqual([400, 'Last-Event-ID']);
    const unknown = await stream({ token: cast.district, query: '?since=3' });
    expect(unknown.status).toBe(400);
  });

  it('leaves no listener behind when the client goes away', async () => {
    const streams = s.ledger.app.get(LiveStream);
    const before = streams.listeners();
    const reader = await stream({ token: cast.district });
    await reader.frame();
    expect(streams.listeners()).toBe(before + 1);
    reader.close();
    // The server learns of the close from the socket: wait for it, bounded by the test's timeout, not a guess.
    while (streams.listeners() !== before) await new Promise((r) => setTimeout(r, 20));
    expect(streams.listeners()).toBe(before);
  });

  it('ends open streams when the server stops, so that stopping does not wait for them', async () => {
    const other = await startServer();
    try {
      const reader = await openStream(other.url, { token: 'e2e-admin-token' });
      expect(reader.status).toBe(200);
      await other.close();
      expect(await reader.frame()).toBeNull();
    } finally {
      await other.close().catch(() => undefined);
    }
  });
});
