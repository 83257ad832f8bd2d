import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { call } from './support/server';

const ESDB = process.env.LEDGER_TEST_EVENTSTORE_URL;
const MONGO = process.env.LEDGER_TEST_MONGO_URL;
const ADMIN = 'scale-out-admin-token';
const ROOT = join(__dirname, '..');

/**
 * The invariants of the embedded mode, held by two API processes writing to one EventStoreDB with
 * a projector feeding MongoDB: no overspending, no money created by sub-allocation, one answer per
 * idempotency key, one disbursement per id across allocations. Runs the built server (npm test
 * builds first); needs both servers (npm run test:servers).
 */
const suite = ESDB && MONGO ? describe : describe.skip;
const title =
  ESDB && MONGO
    ? 'two API processes on EventStoreDB + MongoDB'
    : 'two API processes on EventStoreDB + MongoDB — skipped: LEDGER_TEST_EVENTSTORE_URL / LEDGER_TEST_MONGO_URL not set (no servers here)';

suite(title, () => {
  const children: ChildProcess[] = [];
  const db = `ledger_e2e_${randomUUID().slice(0, 8)}`;
  const mongoUrl = () => {
    const u = new URL(MONGO!);
    u.pathname = `/${db}`;
    return u.toString();
  };
  const start = (script: string, env: Record<string, string>) => {
    const child = spawn(process.execPath, [join(ROOT, script)], {
      env: {
        ...process.env,
        LEDGER_EVENT_STORE: 'eventstoredb',
        LEDGER_READ_STORE: 'mongodb',
        LEDGER_EVENTSTORE_URL: ESDB!,
        LEDGER_MONGO_URL: mongoUrl(),
        LEDGER_ADMIN_TOKEN: ADMIN,
        LEDGER_LOG: 'off',
        ...env,
      },
      stdio: 'ignore',
    });
    children.push(child);
  };
  const ready = async (url: string) => {
    for (let i = 0; i < 300; i++) {
      if (
        (await fetch(`${url}/health`)
          .then((r) => r.ok)
          .catch(() => false)) === true
      )
        return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${url} did not start`);
  };
  const A = 'http://127.0.0.1:38101';
  const B = 'http://127.0.0.1:38102';
  const s = randomUUID().slice(0, 6).toUpperCase();
  const DECISION = { number: `1/QĐ-${s}`, date: '2022-06-01', issuer: 'test' };

  beforeAll(async () => {
    start('dist/apps/projector/src/main.js', { PROJECTOR_PORT: '38100' });
    await ready('http://127.0.0.1:38100');
    start('dist/apps/api/src/main.js', { PORT: '38101' });
    await ready(A);
    start('dist/apps/api/src/main.js', { PORT: '38102' });
    await ready(B);
  }, 120_000);
  afterAll(() => {
    for (const c of children) c.kill('SIGTERM');
  });

  const post = (url: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    call(url, 'POST', `/api/v1${path}`, { token: ADMIN, body, headers });
  const get = (url: string, path: string, position: number) =>
    call(url, 'GET', `/api/v1${path}${path.includes('?') ? '&' : '?'}consistentWith=${position}`, { token: ADMIN });

  it('holds the money invariants with both processes writing at once', async () => {
    let p: number;
    for (const u of [
      { code: `VN${s}`, name: 'VN', level: 'central' },
      { code: `LC${s}`, name: 'LC', level: 'province', parent: `VN${s}` },
      { code: `PT${s}`, name: 'PT', level: 'district', parent: `LC${s}` },
    ]) {
      const r = await post(A, '/units', u);
      expect(r.status).toBe(201);
      p = r.body.position;
      await get(B, `/units/${u.code}`, p);
    }
    const line = { program: 'GNBV-2021-2025', project: 'DA1', subProject: 'DA1.1', fiscalYear: 2022, capitalType: 'investment', source: 'central' };
    p = (await post(A, '/allocations', { id: `LC-${s}`, unit: `LC${s}`, ...line, amount: 1_000_000, decision: DECISION })).body.position;
    await get(B, `/allocations/LC-${s}`, p);

    // Sub-allocations from both processes against one parent: never more than it has.
    const subs = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        post(i % 2 ? A : B, '/allocations', { id: `PT-${s}-${i}`, parentId: `LC-${s}`, unit: `PT${s}`, amount: 100_000, decision: DECISION }),
      ),
    );
    const granted = subs.filter((r) => r.status === 201);
    expect(granted.length).toBe(10);
    expect(subs.filter((r) => r.status !== 201).every((r) => r.body.code === 'INSUFFICIENT_FUNDS')).toBe(true);
    const last = Math.max(...granted.map((r) => r.body.position));
    const parent = (await get(A, `/allocations/LC-${s}`, last)).body;
    expect(parent.subAllocated).toBe(1_000_000);
    expect(parent.available).toBe(0);

    // Payments on one child from both processes: no overspending.
    const child = granted[0]!.body.id as string;
    const pays = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        post(i % 2 ? A : B, `/allocations/${child}/disbursements`, { amount: 7_000, valueDate: '2022-09-15', voucher: `V${i}` }),
      ),
    );
    const paid = pays.filter((r) => r.status === 201);
    expect(paid.length).toBe(14);
    const view = (await get(B, `/allocations/${child}`, Math.max(...paid.map((r) => r.body.position)))).body;
    expect(view.disbursed).toBe(98_000);
    expect(view.available).toBe(2_000);
  }, 120_000);

  it('answers one idempotency key once across both processes', async () => {
    const body = {
      id: `LC2-${s}`,
      unit: `LC${s}`,
      program: 'GNBV-2021-2025',
      project: 'DA1',
      subProject: 'DA1.1',
      fiscalYear: 2023,
      capitalType: 'investment',
      source: 'central',
      amount: 5,
      decision: DECISION,
    };
    const key = { 'idempotency-key': `k-${s}` };
    const replies = await Promise.all([
      post(A, '/allocations', body, key),
      post(B, '/allocations', body, key),
      post(A, '/allocations', body, key),
      post(B, '/allocations', body, key),
    ]);
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(replies.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const audit = await get(A, `/audit?allocation=LC2-${s}`, replies[0]!.body.position);
    expect(audit.body.items.filter((e: { type: string }) => e.type === 'AllocationGranted')).toHaveLength(1);
  }, 60_000);

  it('lets one of two allocations use a disbursement id, never both', async () => {
    const [x, y] = [`PT-${s}-0`, `PT-${s}-1`];
    const id = `D-${s}`;
    const replies = await Promise.all([
      post(A, `/allocations/${x}/disbursements`, { id, amount: 1, valueDate: '2022-09-15', voucher: 'X' }),
      post(B, `/allocations/${y}/disbursements`, { id, amount: 1, valueDate: '2022-09-15', voucher: 'Y' }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(replies.find((r) => r.status === 409)!.body.code).toBe('ALREADY_EXISTS');
  }, 60_000);
});
