import Database from 'better-sqlite3';
import { runCli } from '../apps/cli/src/cli';
import { readModelsFile } from '../libs/adapters/src/sqlite/schema';
import { allocate, seed, type Cast } from './support/story';
import { startServer, type TestServer } from './support/server';

const bn = (n: number) => n * 1_000_000_000;
const DECISION_MLP = { number: '88/QĐ-UBND', date: '2022-07-15', issuer: 'UBND huyện Phong Thổ' };

async function ledger(env: Record<string, string>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * Fund-flow trace through the real server. The story: Lai Châu 300 bn → Phong Thổ 71.57 bn → Ma Li Pho
 * 10 bn; the district pays D1 12 bn, D2 15.673 bn, D3 5 bn; the commune pays C1 2 bn; D3 is reversed;
 * the commune pays C2 1.5 bn and the province L1 1 bn.
 */
describe('fund-flow trace (HTTP, SQLite, CLI)', () => {
  let s: TestServer;
  let cast: Cast;

  const post = async (path: string, body: unknown, token: string) => {
    const r = await s.request('POST', `/api/v1${path}`, { token, body });
    if (r.status !== 201) throw new Error(`${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const pay = (allocation: string, id: string, amount: number, token: string) =>
    post(`/allocations/${allocation}/disbursements`, { id, amount, valueDate: '2022-09-15', voucher: `UNC-${id}`, payee: `payee ${id}` }, token);
  const get = (path: string, token = cast.admin) => s.request('GET', `/api/v1${path}`, { token });

  beforeAll(async () => {
    s = await startServer();
    cast = await seed(s);
    await allocate(s, cast);
    await post('/allocations', { id: 'MLP-DA1.1-2022', parentId: 'PT-DA1.1-2022', unit: 'MA-LI-PHO', amount: bn(10), decision: DECISION_MLP }, cast.district);
    await pay('PT-DA1.1-2022', 'D1', bn(12), cast.district);
    await pay('PT-DA1.1-2022', 'D2', 15_673_000_000, cast.district);
    await pay('PT-DA1.1-2022', 'D3', bn(5), cast.district);
    await pay('MLP-DA1.1-2022', 'C1', bn(2), cast.commune);
    await post('/disbursements/D3/reversal', { reason: 'voucher posted twice' }, cast.district);
    await pay('MLP-DA1.1-2022', 'C2', 1_500_000_000, cast.commune);
    await pay('LC-DA1.1-2022', 'L1', bn(1), cast.province);
  });
  afterAll(() => s.close());

  it('traces a commune payment up to the central grant, with each balance as it was just after the payment', async () => {
    const r = await get('/disbursements/C1/trace');
    expect(r.status).toBe(200);
    expect(r.body.chain).toEqual([
      {
        allocationId: 'LC-DA1.1-2022',
        unit: 'LAI-CHAU',
        decision: expect.objectContaining({ number: '1234/QĐ-TTg' }),
        amount: bn(300),
        balanceAtTime: { allocated: bn(300), subAllocated: 71_570_000_000, disbursed: 0, available: 228_430_000_000 },
      },
      {
        allocationId: 'PT-DA1.1-2022',
        unit: 'PHONG-THO',
        decision: expect.objectContaining({ number: '747/QĐ-UBND' }),
        amount: 71_570_000_000,
        // D3 was not reversed yet: 12 + 15.673 + 5 bn paid, 10 bn passed down.
        balanceAtTime: { allocated: 71_570_000_000, subAllocated: bn(10), disbursed: 32_673_000_000, available: 28_897_000_000 },
      },
      {
        allocationId: 'MLP-DA1.1-2022',
        unit: 'MA-LI-PHO',
        decision: expect.objectContaining({ number: '88/QĐ-UBND' }),
        amount: bn(10),
        balanceAtTime: { allocated: bn(10), subAllocated: 0, disbursed: bn(2), available: bn(8) },
      },
    ]);
    expect(r.body.payment).toMatchObject({
      id: 'C1',
      allocationId: 'MLP-DA1.1-2022',
      amount: bn(2),
      valueDate: '2022-09-15',
      voucher: 'UNC-C1',
      payee: 'payee C1',
      reversal: null,
    });
  });

  it('shows a reversed payment with its reversal, and balances before the reversal', async () => {
    const r = await get('/disbursements/D3/trace', cast.district);
    expect(r.status).toBe(200);
    expect(r.body.payment).toMatchObject({ id: 'D3', amount: bn(5), reversal: { reason: 'voucher posted twice', recordedBy: 'pt-finance' } });
    // The district reads its own link; the province's is outside its scope.
    expect(r.body.chain).toEqual([
      { allocationId: 'LC-DA1.1-2022', unit: 'LAI-CHAU', outOfScope: true },
      expect.objectContaining({
        allocationId: 'PT-DA1.1-2022',
        balanceAtTime: { allocated: 71_570_000_000, subAllocated: bn(10), disbursed: 32_673_000_000, available: 28_897_000_000 },
      }),
    ]);
  });

  it('answers 404 for an unknown disbursement or allocation, and the same 404 outside the scope', async () => {
    expect((await get('/disbursements/NOPE/trace')).body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect((await get('/allocations/NOPE/trace')).body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect((await get('/disbursements/C1/trace', cast.outsider)).body).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: "disbursement 'C1' not found",
    });
    expect((await get('/allocations/PT-DA1.1-2022/trace', cast.outsider)).body).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: "allocation 'PT-DA1.1-2022' not found",
    });
    expect((await get('/allocations/LC-DA1.1-2022/trace', cast.district)).body).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: "allocation 'LC-DA1.1-2022' not found",
    });
    expect((await s.request('GET', '/api/v1/allocations/LC-DA1.1-2022/trace')).status).toBe(401);
  });

  it('traces the tree below the central grant, and every node reconciles', async () => {
    const r = await get('/allocations/LC-DA1.1-2022/trace', cast.inspector);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ allocationId: 'LC-DA1.1-2022', reconciles: true, unreconciled: [] });
    const lc = r.body.tree;
    expect(lc).toMatchObject({
      id: 'LC-DA1.1-2022',
      allocated: bn(300),
      subAllocated: 71_570_000_000,
      disbursed: bn(1),
      disbursedTotal: 32_173_000_000,
      reconciles: true,
      discrepancies: [],
    });
    expect(lc.disbursements.map((d: { id: string }) => d.id)).toEqual(['L1']);
    const pt = lc.children[0];
    expect(pt).toMatchObject({
      id: 'PT-DA1.1-2022',
      unit: 'PHONG-THO',
      allocated: 71_570_000_000,
      subAllocated: bn(10),
      disbursed: 27_673_000_000,
      disbursedTotal: 31_173_000_000,
      reconciles: true,
    });
    expect(pt.disbursements.map((d: { id: string; reversal: unknown }) => [d.id, d.reversal !== null])).toEqual([
      ['D1', false],
      ['D2', false],
      ['D3', true],
    ]);
    const mlp = pt.children[0];
    expect(mlp).toMatchObject({
      id: 'MLP-DA1.1-2022',
      allocated: bn(10),
      subAllocated: 0,
      disbursed: 3_500_000_000,
      disbursedTotal: 3_500_000_000,
      children: [],
      reconciles: true,
    });
    expect(mlp.disbursements.map((d: { id: string }) => d.id)).toEqual(['C1', 'C2']);
    // A district reads its own subtree.
    expect((await get('/allocations/PT-DA1.1-2022/trace', cast.supervisor)).body).toMatchObject({ reconciles: true, tree: { id: 'PT-DA1.1-2022' } });
  });

  it('gives any signed-in user the head of the log', async () => {
    const r = await get('/integrity', cast.social);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ position: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const audit = await get(`/audit?disbursement=L1`);
    expect(audit.body.items.at(-1)).toMatchObject({ position: r.body.position, hash: r.body.hash });
    expect((await s.request('GET', '/api/v1/integrity')).status).toBe(401);
  });

  it('prints the tree with `ledger trace`, as text and as Graphviz', async () => {
    const env = { LEDGER_DB: s.dbFile };
    const text = await ledger(env, 'trace', 'LC-DA1.1-2022');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^LC-DA1\.1-2022 {2}LAI-CHAU/);
    expect(text.out).toMatch(/\n {2}PT-DA1\.1-2022 {2}PHONG-THO/);
    expect(text.out).toMatch(/\n {4}MLP-DA1\.1-2022 {2}MA-LI-PHO/);
    expect(text.out).toMatch(/payment D3 .*REVERSED \(voucher posted twice\)/);
    expect(text.out).toMatch(/\nreconciles/);
    const dot = await ledger(env, 'trace', 'LC-DA1.1-2022', '--format', 'dot');
    expect(dot.code).toBe(0);
    expect(dot.out).toMatch(/^digraph trace \{/);
    for (const id of ['LC-DA1.1-2022', 'PT-DA1.1-2022', 'MLP-DA1.1-2022']) expect(dot.out).toContain(`"${id}"`);
    expect(dot.out).toContain('"LC-DA1.1-2022" -> "PT-DA1.1-2022"');
    expect(dot.out).toContain('"PT-DA1.1-2022" -> "MLP-DA1.1-2022"');
    expect((await ledger(env, 'trace')).code).toBe(2);
    expect((await ledger(env, 'trace', 'LC-DA1.1-2022', '--format', 'svg')).code).toBe(2);
    const missing = await ledger(env, 'trace', 'NOPE');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/allocation or disbursement 'NOPE' not found/);
  });

  it('traces a payment with `ledger trace <disbursement-id>`, up to the central grant', async () => {
    const env = { LEDGER_DB: s.dbFile };
    const d1 = await ledger(env, 'trace', 'D1');
    expect(d1.code).toBe(0);
    const lines = d1.out.split('\n');
    expect(lines[0]).toMatch(/^LC-DA1\.1-2022 {2}LAI-CHAU {2}\S+ {2}allocated 300,000,000,000 đ/);
    expect(lines[1]).toMatch(/^ {2}PT-DA1\.1-2022 {2}PHONG-THO {2}747\/QĐ-UBND {2}allocated 71,570,000,000 đ .* disbursed 12,000,000,000 đ/);
    expect(lines[2]).toMatch(/^ {4}payment D1 {2}12,000,000,000 đ {2}2022-09-15/);
    expect(lines[3]).toMatch(/^balances as they stood just after position \d+$/);
    expect((await ledger(env, 'trace', 'D1', '--format', 'dot')).code).toBe(2);
  });

  it('reports a read model corrupted behind the ledger’s back, naming the node', async () => {
    const db = new Database(readModelsFile(s.dbFile));
    try {
      db.prepare(`UPDATE documents SET body = json_set(body, '$.subAllocated', ?) WHERE collection = 'allocations' AND id = ?`).run(bn(9), 'PT-DA1.1-2022');
    } finally {
      db.close();
    }
    const r = await get('/allocations/LC-DA1.1-2022/trace', cast.inspector);
    expect(r.status).toBe(200);
    expect(r.body.reconciles).toBe(false);
    expect(r.body.unreconciled).toEqual([
      { id: 'PT-DA1.1-2022', unit: 'PHONG-THO', discrepancies: ['subAllocated 9000000000 ≠ Σ children.allocated 10000000000'] },
    ]);
    expect(r.body.tree).toMatchObject({ id: 'LC-DA1.1-2022', reconciles: true, children: [{ id: 'PT-DA1.1-2022', reconciles: false, subAllocated: bn(9) }] });

    const cli = await ledger({ LEDGER_DB: s.dbFile }, 'trace', 'LC-DA1.1-2022');
    expect(cli.code).toBe(1);
    expect(cli.out).toMatch(/PT-DA1\.1-2022 .*DOES NOT RECONCILE/);
    expect(cli.out).toMatch(/does not reconcile at: PT-DA1\.1-2022$/);
    const dot = await ledger({ LEDGER_DB: s.dbFile }, 'trace', 'LC-DA1.1-2022', '--format', 'dot');
    expect(dot.out).toMatch(/"PT-DA1\.1-2022" \[label="[^"]*subAllocated 9000000000[^"]*", color=red/);
  });
});
