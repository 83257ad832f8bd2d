import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../apps/cli/src/cli';
import { SqliteLedgerStore } from '../libs/adapters/src/sqlite/sqlite-ledger-store';
import { PROJECTIONS, auditKeys } from '../libs/ledger/src/projections';
import type { NewEvent } from '../libs/ledger/src/ports/event-store.port';

const line = { program: 'GNBV-2021-2025', project: 'DA1', subProject: 'DA1.1', fiscalYear: 2022, capitalType: 'investment', source: 'central' };
const decision = { number: '747/QĐ-UBND', date: '2022-06-30', issuer: 'UBND tỉnh Lai Châu' };
const event = (i: number, type: string, data: Record<string, unknown>): NewEvent => ({
  id: `e-${i}`,
  type,
  schemaVersion: 1,
  data,
  metadata: {
    actor: { userId: 'u', role: 'finance_officer' },
    recordedAt: `2023-01-0${i}T03:00:00.000Z`,
    correlationId: 'c',
    causationId: null,
    idempotencyKey: null,
    requestHash: null,
    decision: null,
    reason: null,
  },
});

describe('ledger diff, projections rebuild, replay', () => {
  let dir: string;
  let env: Record<string, string>;
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, env);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-cli-history-'));
    env = { LEDGER_DB: join(dir, 'ledger.db') };
    const store = new SqliteLedgerStore(env.LEDGER_DB!, { projections: PROJECTIONS, auditKeys });
    const base = { allocationId: 'A', unit: 'PHONG-THO', ancestry: [] };
    await store.append('allocation-A', 'no_stream', [
      event(1, 'AllocationGranted', { ...base, grantedBy: null, parentId: null, line, amount: 1_000_000, decision, transferId: null }),
      event(2, 'DisbursementRecorded', { ...base, disbursementId: 'D1', amount: 300_000, valueDate: '2023-01-02', voucher: 'V1', payee: null, purpose: null }),
      event(3, 'DisbursementRecorded', { ...base, disbursementId: 'D2', amount: 200_000, valueDate: '2023-01-03', voucher: 'V2', payee: null, purpose: null }),
      event(4, 'DisbursementReversed', { ...base, disbursementId: 'D2', amount: 200_000, reason: 'trùng', decision: null }),
    ]);
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('diff prints what moved between two positions or days', async () => {
    const r = await run('diff', '--from', '1', '--to', '3');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 events');
    expect(r.out).toContain('A  PHONG-THO  available 1,000,000 → 500,000');
    expect(r.out).toContain('Δ disbursed +500,000');
    const json = JSON.parse((await run('diff', '--from', '2023-01-03', '--to', '2023-01-04', '--format', 'json')).out);
    expect(json.from.position).toBe(2);
    expect(json.allocations[0].delta.disbursed).toBe(0);
    expect(json.items.map((e: { position: number; type: string }) => [e.position, e.type])).toEqual([
      [3, 'DisbursementRecorded'],
      [4, 'DisbursementReversed'],
    ]);
    expect(json.items[1]).toMatchObject({
      streamId: 'allocation-A',
      recordedAt: '2023-01-04T03:00:00.000Z',
      actor: { userId: 'u' },
      data: { disbursementId: 'D2', reason: 'trùng' },
    });
    expect([json.nextCursor, json.at]).toEqual([null, { position: 4 }]);
    expect((await run('diff', '--from', '1')).code).toBe(2);
  });

  it('diff --format json lists every event of the range, past one page of GET /changes', async () => {
    const big = join(dir, 'big.db');
    const store = new SqliteLedgerStore(big, { projections: PROJECTIONS, auditKeys });
    const base = { allocationId: 'B', unit: 'PHONG-THO', ancestry: [] };
    const payments = Array.from({ length: 1_204 }, (_, i) =>
      event(2, 'DisbursementRecorded', { ...base, disbursementId: `P${i}`, amount: 1, valueDate: '2023-01-02', voucher: `V${i}`, payee: null, purpose: null }),
    ).map((e, i) => ({ ...e, id: `p-${i}` }));
    await store.append('allocation-B', 'no_stream', [
      event(1, 'AllocationGranted', { ...base, grantedBy: null, parentId: null, line, amount: 1_000_000, decision, transferId: null }),
      ...payments,
    ]);
    await store.close();
    let text = '';
    expect(
      await runCli(['diff', '--from', '0', '--to', '1205', '--format', 'json'], { out: (l) => void (text = l), err: () => undefined }, { LEDGER_DB: big }),
    ).toBe(0);
    const diff = JSON.parse(text);
    expect(diff.items.map((e: { position: number }) => e.position)).toEqual(Array.from({ length: 1_205 }, (_, i) => i + 1));
    expect([diff.recorded.events, diff.nextCursor, diff.allocations[0].after.disbursed]).toEqual([1_205, null, 1_204]);
  });

  it('projections rebuild, all or one', async () => {
    const all = await run('projections', 'rebuild');
    expect(all).toMatchObject({ code: 0 });
    expect(all.out).toMatch(/rebuilt all from 4 events up to position 4/);
    expect((await run('projections', 'rebuild', 'allocations')).out).toContain('(allocations)');
    expect((await run('projections', 'rebuild', 'nope')).code).toBe(2);
  });

  it('replay writes a copy of the books at a point', async () => {
    const out = join(dir, 'copy.db');
    const r = await run('replay', '--to', '2', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 events');
    let text = '';
    await runCli(['diff', '--from', '0', '--to', '2', '--format', 'json'], { out: (l) => void (text = l), err: () => undefined }, { LEDGER_DB: out });
    const diff = JSON.parse(text);
    expect(diff.allocations[0].after.disbursed).toBe(300_000);
    expect((await run('replay', '--to', '99', '--out', join(dir, 'x.db'))).code).toBe(2);
  });
});
