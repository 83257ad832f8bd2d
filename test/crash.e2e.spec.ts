import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiled } from './support/compiled';
import { bootBuiltServer } from './support/built-server';
import { freePort } from './support/free-port';
import { DECISION_747, LINE } from './support/story';
import { call } from './support/server';

// At load: a missing or stale build fails the suite before any test (bootBuiltServer checks again).
compiled('dist/apps/api/src/main.js');
const TOKEN = 'crash-admin';

const boot = (dbFile: string, port: number) => bootBuiltServer(dbFile, port, TOKEN);

/**
 * The server is killed with SIGKILL in the middle of a write load and restarted: every write that
 * was answered 201 must be there, half-done sub-allocations must be completed, and the read models
 * must agree with the log.
 */
describe('crash: SIGKILL during a write load (needs `npm run build`)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-crash-'));
  const db = join(dir, 'ledger.db');
  let port = 0;
  let url = '';
  beforeAll(async () => {
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
  });
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write and completes half-done transfers', async () => {
    const first = await boot(db, port);
    server = first;
    const post = (path: string, body: unknown) => call(url, 'POST', path, { token: TOKEN, body });
    await post('/api/v1/units', { code: 'VN', name: 'Trung ương', level: 'central' });
    await post('/api/v1/units', { code: 'LC', name: 'Lai Châu', level: 'province', parent: 'VN' });
    await post('/api/v1/units', { code: 'PT', name: 'Phong Thổ', level: 'district', parent: 'LC' });
    for (let c = 0; c < 4; c++) await post('/api/v1/units', { code: `C${c}`, name: `Commune ${c}`, level: 'commune', parent: 'PT' });
    expect((await post('/api/v1/allocations', { id: 'ROOT', unit: 'PT', ...LINE, amount: 10_000_000_000_000, decision: DECISION_747 })).status).toBe(201);

    // Maker-checker in the load (issue 13): payments of 1,050 đ or more wait for a second officer.
    const officer = async (id: string) => (await post('/api/v1/users', { id, name: id, role: 'finance_officer', units: ['PT'] })).body.token as string;
    const maker = await officer('pt-maker');
    const checker = await officer('pt-checker');
    expect((await call(url, 'PUT', '/api/v1/units/PT/approval-policy', { token: TOKEN, body: { threshold: 1_050, decision: DECISION_747 } })).status).toBe(200);

    const acked: { kind: 'disbursement' | 'sub' | 'approval'; id: string; amount: number }[] = [];
    let stop = false;
    let n = 0;
    const worker = async () => {
      while (!stop) {
        const i = n++;
        const sub = i % 5 === 0;
        const amount = 1_000 + i;
        const r = sub
          ? await post('/api/v1/allocations', { id: `S${i}`, parentId: 'ROOT', unit: `C${i % 4}`, amount, decision: DECISION_747 }).catch(() => null)
          : await call(url, 'POST', '/api/v1/allocations/ROOT/disbursements', {
              token: maker,
              body: { id: `D${i}`, amount, valueDate: '2022-10-01', voucher: `V${i}` },
            }).catch(() => null);
        if (r?.status === 201) acked.push({ kind: sub ? 'sub' : 'disbursement', id: sub ? `S${i}` : `D${i}`, amount });
        if (r?.status === 201 && r.body.status === 'pending' && i % 2 === 0) {
          const a = await call(url, 'POST', `/api/v1/disbursements/D${i}/approval`, { token: checker, body: {} }).catch(() => null);
          if (a?.status === 201) acked.push({ kind: 'approval', id: `D${i}`, amount });
        }
      }
    };
    const load = Promise.all(Array.from({ length: 16 }, worker));
    // Killed once enough writes are acknowledged, however long the machine takes to get there.
    while (acked.length < 60) await new Promise((r) => setTimeout(r, 20));
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    stop = true;
    await load;
    expect(acked.length).toBeGreaterThan(50);

    const second = await boot(db, port);
    server = second;
    try {
      const get = (path: string) => call(url, 'GET', path, { token: TOKEN });
      for (const a of acked) {
        if (a.kind === 'sub') expect((await get(`/api/v1/allocations/${a.id}`)).body).toMatchObject({ id: a.id, allocated: a.amount });
        else if (a.kind === 'approval')
          expect((await get(`/api/v1/disbursements/${a.id}`)).body).toMatchObject({ amount: a.amount, approval: { approvedBy: 'pt-checker' } });
        else
          expect((await get(`/api/v1/audit?disbursement=${a.id}`)).body.items[0]).toMatchObject({
            type: expect.stringMatching(/^Disbursement(Recorded|Requested)$/),
          });
      }
      // The read models agree with the log: recompute the root's figures from its events.
      const events: { type: string; data: { amount: number; allocationId: string } }[] = [];
      let cursor: string | null = '0';
      while (cursor !== null) {
        const page: { body: { items: typeof events; nextCursor: string | null } } = await get(`/api/v1/audit?allocation=ROOT&limit=1000&cursor=${cursor}`);
        events.push(...page.body.items);
        cursor = page.body.nextCursor;
      }
      const sum = (type: string) => events.filter((e) => e.type === type && e.data.allocationId === 'ROOT').reduce((t, e) => t + e.data.amount, 0);
      const root = (await get('/api/v1/allocations/ROOT')).body;
      expect(root.disbursed).toBe(sum('DisbursementRecorded') + sum('DisbursementApproved'));
      expect(root.pending).toBe(sum('DisbursementRequested') - sum('DisbursementApproved'));
      expect(root.subAllocated).toBe(sum('FundsPassedDown') - sum('FundsReturned'));
      // No money reserved for a child that does not exist: every pass-down has its child.
      const children = await Promise.all(root.children.map(async (c: { id: string }) => (await get(`/api/v1/allocations/${c.id}`)).body.allocated as number));
      expect(children.reduce((t: number, a: number) => t + a, 0)).toBe(root.subAllocated);
      expect(root.available).toBe(root.allocated - root.subAllocated - root.disbursed - root.pending);
    } finally {
      second.kill('SIGKILL');
    }
  });
});
