import { chainHash } from '../libs/ledger/src/integrity/hash-chain';
import { GENESIS_HASH } from '../libs/ledger/src/ports/event-store.port';
import { startServer, type TestServer } from './support/server';
import { allocate, seed, type Cast } from './support/story';

type Record_ = {
  position: number;
  id: string;
  streamId: string;
  revision: number;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: any;
  hash: string;
};

/** GET /api/v1/integrity/events: the stored records with their hashes, for a verifier that does not trust the server. */
describe('the log’s records for an outside verifier (GET /integrity/events)', () => {
  let s: TestServer;
  let cast: Cast;
  let provincialInspector: string;
  const get = (path: string, token?: string) => s.request('GET', `/api/v1${path}`, { token });

  beforeAll(async () => {
    s = await startServer();
    cast = await seed(s);
    await allocate(s, cast);
    const r = await s.request('POST', '/api/v1/users', {
      token: cast.admin,
      body: { id: 'lc-inspector', name: 'lc-inspector', role: 'inspector', units: ['LAI-CHAU'] },
    });
    provincialInspector = r.body.token;
  });
  afterAll(() => s.close());

  async function everyPage(limit: number, token = cast.inspector): Promise<Record_[]> {
    const items: Record_[] = [];
    let cursor: string | null = null;
    do {
      const r = await get(`/integrity/events?limit=${limit}${cursor === null ? '' : `&cursor=${cursor}`}`, token);
      expect(r.status).toBe(200);
      expect(r.body.items.length).toBeLessThanOrEqual(limit);
      items.push(...r.body.items);
      cursor = r.body.nextCursor;
    } while (cursor !== null);
    return items;
  }

  it('gives an inspector every record from genesis to the head, whose hashes recompute to the head GET /integrity reports', async () => {
    const head = (await get('/integrity', cast.inspector)).body as { position: number; hash: string };
    const records = await everyPage(7);
    expect(records.map((e) => e.position)).toEqual(Array.from({ length: head.position }, (_, i) => i + 1));
    let prev = GENESIS_HASH;
    for (const e of records) {
      prev = chainHash(prev, e);
      expect(e.hash).toBe(prev);
    }
    expect(prev).toBe(head.hash);
    // Nothing redacted: a redacted field could not be hashed again.
    const user = records.find((e) => e.type === 'UserRegistered' && e.data.id === 'inspector')!;
    expect(user.data.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(user.metadata).toMatchObject({ actor: { role: 'admin' }, recordedAt: expect.any(String) });
    // The same pages to an administrator, in one page of up to 1000.
    expect(await everyPage(1000, cast.admin)).toEqual(records);
  });

  it('starts after a given position and ends with an empty last page past the head', async () => {
    const head = (await get('/integrity', cast.inspector)).body.position as number;
    const r = await get('/integrity/events?after=3&limit=2', cast.inspector);
    expect(r.status).toBe(200);
    expect(r.body.items.map((e: Record_) => e.position)).toEqual([4, 5]);
    expect(r.body.nextCursor).toBe('5');
    const next = await get(`/integrity/events?cursor=${r.body.nextCursor}&limit=2`, cast.inspector);
    expect(next.body.items.map((e: Record_) => e.position)).toEqual([6, 7]);
    const last = await get(`/integrity/events?after=${head - 1}&limit=5`, cast.inspector);
    expect(last.body).toEqual({ items: [expect.objectContaining({ position: head })], nextCursor: null });
    expect((await get(`/integrity/events?after=${head + 100}`, cast.inspector)).body).toEqual({ items: [], nextCursor: null });
  });

  it('refuses every reader who does not read everything, a provincial inspector included', async () => {
    for (const token of [cast.province, cast.district, cast.social, cast.supervisor, cast.outsider, provincialInspector]) {
      const r = await get('/integrity/events', token);
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('FORBIDDEN');
      expect(JSON.stringify(r.body)).not.toMatch(/LAI-CHAU|PHONG-THO|tokenHash/);
    }
    expect((await get('/integrity/events')).status).toBe(401);
  });

  it('refuses malformed paging with 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=1001', 'limit'],
      ['limit=x', 'limit'],
      ['after=-1', 'after'],
      ['after=1.5', 'after'],
      ['after=1&after=2', 'after'],
      ['cursor=abc', 'cursor'],
      ['after=1&cursor=2', 'cursor'],
      ['asOf=2022-12-31', 'asOf'],
      ['unknown=1', 'unknown'],
    ] as const) {
      const r = await get(`/integrity/events?${query}`, cast.inspector);
      expect([query, r.status, r.body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
      expect(JSON.stringify(r.body)).toContain(field);
    }
  });
});
