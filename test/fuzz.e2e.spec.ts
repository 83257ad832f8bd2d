import { allocate, seed, type Cast } from './support/story';
import { startServer, type TestServer } from './support/server';

/** Deterministic pseudo-random values of every JSON shape, including the awkward ones. */
function* values(seed: number): Generator<unknown> {
  let x = seed;
  const next = () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31);
  const atoms: unknown[] = [null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, '', ' ', 'a'.repeat(5000), '2022-02-30', '../../etc', '\u0000', '𝔘', [], {}, { __proto__: { polluted: 1 } }, ['x'], [[[]]], 'DA1', 'GNBV-2021-2025', 'PHONG-THO', 'LC-DA1.1-2022'];
  for (;;) {
    const r = next() % 10;
    if (r < 7) yield atoms[next() % atoms.length];
    else if (r < 9) yield Array.from({ length: next() % 4 }, () => atoms[next() % atoms.length]);
    else yield { number: atoms[next() % atoms.length], date: atoms[next() % atoms.length], issuer: atoms[next() % atoms.length] };
  }
}

const FIELDS: Record<string, string[]> = {
  '/api/v1/units': ['code', 'name', 'level', 'parent'],
  '/api/v1/users': ['id', 'name', 'role', 'units'],
  '/api/v1/allocations': ['id', 'parentId', 'unit', 'program', 'project', 'subProject', 'fiscalYear', 'capitalType', 'source', 'amount', 'decision'],
  '/api/v1/allocations/PT-DA1.1-2022/adjustments': ['delta', 'decision', 'reason'],
  '/api/v1/allocations/PT-DA1.1-2022/disbursements': ['id', 'amount', 'valueDate', 'voucher', 'payee', 'purpose'],
  '/api/v1/disbursements/D1/reversal': ['reason', 'decision'],
  '/api/v1/households': ['id', 'unit', 'area', 'members', 'headName', 'ethnicMinority'],
  '/api/v1/households/H1/assessments': ['reviewYear', 'reviewType', 'incomePerCapita', 'deprivations', 'decision'],
};

describe('no input makes the server answer 5xx', () => {
  let s: TestServer;
  let cast: Cast;
  beforeAll(async () => {
    s = await startServer();
    cast = await seed(s);
    await allocate(s, cast);
    await s.request('POST', '/api/v1/allocations/PT-DA1.1-2022/disbursements', { token: cast.admin, body: { id: 'D1', amount: 1, valueDate: '2022-09-01', voucher: 'V' } });
    await s.request('POST', '/api/v1/households', { token: cast.admin, body: { id: 'H1', unit: 'MA-LI-PHO', area: 'rural', members: 1 } });
  });
  afterAll(() => s.close());

  it('answers 600 malformed bodies and queries with 2xx/4xx only', async () => {
    const gen = values(42);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 600; i++) {
      const paths = Object.keys(FIELDS);
      const path = paths[i % paths.length]!;
      const body = Object.fromEntries(FIELDS[path]!.filter(() => gen.next().value !== null).map((f) => [f, gen.next().value]));
      if (i % 7 === 0) (body as Record<string, unknown>)[`extra${i}`] = 1;
      const r = await s.request('POST', path, { token: cast.admin, body });
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      expect(r.status).toBeLessThan(500);
      if (r.status >= 400) expect(typeof r.body.code).toBe('string');
    }
    const queries = ['/api/v1/balances?groupBy=nope', '/api/v1/balances?fiscalYear=x', '/api/v1/balances?unit=%00', '/api/v1/audit?limit=0', '/api/v1/audit?limit=abc', '/api/v1/audit?from=yesterday', '/api/v1/audit?cursor=-1', '/api/v1/households/stats', '/api/v1/households/stats?unit=X&reviewYear=1', '/api/v1/allocations/%E0%A4%A', '/api/v1/units/..%2F..'];
    for (const q of queries) {
      const r = await s.request('GET', q, { token: cast.admin });
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    // The admin user, the units and the story's writes are all that is there: fuzzing broke nothing.
    expect((await s.request('GET', '/api/v1/allocations/PT-DA1.1-2022', { token: cast.admin })).body.available).toBeGreaterThanOrEqual(0);
    expect(statuses.get(400)).toBeGreaterThan(100);
  });
});
