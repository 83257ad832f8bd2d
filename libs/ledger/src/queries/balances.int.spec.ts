import { MemoryLedgerStore } from '../../../adapters/src/memory/memory-ledger-store';
import type { Principal } from '../../../domain/src';
import { CommandRunner } from '../commands/command-runner';
import type { AppContext } from '../commands/context';
import { grantAllocation, parseGrantAllocation } from '../commands/allocations/grant-allocation';
import { recordDisbursement, parseRecordDisbursement } from '../commands/allocations/record-disbursement';
import { reverseDisbursement, parseReverseDisbursement } from '../commands/allocations/reverse-disbursement';
import { registerUnit, parseRegisterUnit } from '../commands/units/register-unit';
import { PROJECTIONS, auditKeys } from '../projections';
import { allocationView } from './allocation-view';
import { balances } from './balances';

const ADMIN: Principal = { userId: 'admin', role: 'admin', units: [] };
const DECISION = { number: '747/QĐ-UBND', date: '2022-06-30', issuer: 'UBND tỉnh Lai Châu' };
const LINE = { program: 'GNBV-2021-2025', project: 'DA1', subProject: 'DA1.1', fiscalYear: 2022, capitalType: 'investment', source: 'central' };
const FIGURES = ['allocated', 'subAllocated', 'disbursed', 'pending', 'available', 'disbursementRate'] as const;
const figures = (x: Record<string, unknown>) => Object.fromEntries(FIGURES.map((k) => [k, x[k]]));

/**
 * Three levels of one budget line: the province keeps 228,000 of its 300,000, the district 67,000
 * of its 72,000 and pays 12,000, the commune pays 2,000 of its 5,000 (a second payment reversed).
 */
async function threeLevels(): Promise<MemoryLedgerStore> {
  const store = new MemoryLedgerStore({ projections: PROJECTIONS, auditKeys });
  const runner = new CommandRunner(store);
  let n = 0;
  const ctx = (): AppContext => ({
    principal: ADMIN,
    actor: { userId: 'admin', role: 'admin' },
    now: '2022-12-01T03:00:00.000Z',
    correlationId: 'c',
    causationId: null,
    idempotencyKey: null,
    idempotency: null,
    newId: () => `id-${++n}`,
  });
  for (const u of [
    { code: 'VN', name: 'VN', level: 'central' },
    { code: 'LC', name: 'LC', level: 'province', parent: 'VN' },
    { code: 'PT', name: 'PT', level: 'district', parent: 'LC' },
    { code: 'MLP', name: 'MLP', level: 'commune', parent: 'PT' },
  ])
    await registerUnit(runner, store, parseRegisterUnit(u), ctx());
  await grantAllocation(runner, store, parseGrantAllocation({ id: 'LC-1', unit: 'LC', ...LINE, amount: 300_000, decision: DECISION }), ctx());
  await grantAllocation(runner, store, parseGrantAllocation({ id: 'PT-1', parentId: 'LC-1', unit: 'PT', amount: 72_000, decision: DECISION }), ctx());
  await grantAllocation(runner, store, parseGrantAllocation({ id: 'MLP-1', parentId: 'PT-1', unit: 'MLP', amount: 5_000, decision: DECISION }), ctx());
  await recordDisbursement(runner, store, 'PT-1', parseRecordDisbursement({ id: 'D1', amount: 12_000, valueDate: '2022-09-15', voucher: 'UNC-001' }), ctx());
  await recordDisbursement(runner, store, 'MLP-1', parseRecordDisbursement({ id: 'D2', amount: 2_000, valueDate: '2022-11-01', voucher: 'UNC-002' }), ctx());
  await recordDisbursement(runner, store, 'MLP-1', parseRecordDisbursement({ id: 'D3', amount: 700, valueDate: '2022-11-02', voucher: 'UNC-003' }), ctx());
  await reverseDisbursement(runner, store, 'D3', parseReverseDisbursement({ reason: 'posted twice' }), ctx());
  return store;
}

describe("balances: the allocation view's figures, each đồng once", () => {
  let store: MemoryLedgerStore;
  beforeAll(async () => {
    store = await threeLevels();
  });

  it("gives a row holding one allocation exactly that allocation's figures", async () => {
    const r = await balances(store, { groupBy: 'unit' }, ADMIN);
    expect(r.rows).toEqual([
      { unit: 'LC', allocated: 300_000, subAllocated: 72_000, disbursed: 0, pending: 0, available: 228_000, disbursementRate: 4.67 },
      { unit: 'MLP', allocated: 5_000, subAllocated: 0, disbursed: 2_000, pending: 0, available: 3_000, disbursementRate: 40 },
      { unit: 'PT', allocated: 72_000, subAllocated: 5_000, disbursed: 12_000, pending: 0, available: 55_000, disbursementRate: 19.44 },
    ]);
    for (const row of r.rows) {
      const id = `${(row as Record<string, unknown>).unit as string}-1`;
      expect({ id, ...figures(row) }).toEqual({ id, ...figures(await allocationView(store, id, ADMIN)) });
    }
  });

  it('counts money passed down once in a total, and rows add up to it but for what the set passed within itself', async () => {
    const r = await balances(store, { groupBy: 'unit' }, ADMIN);
    expect(r.total).toEqual({ allocated: 300_000, subAllocated: 0, disbursed: 14_000, pending: 0, available: 286_000, disbursementRate: 4.67 });
    const sum = (k: (typeof FIGURES)[number]) => r.rows.reduce((n, row) => n + (row[k] as number), 0);
    expect(sum('allocated') - sum('subAllocated')).toBe(r.total.allocated - r.total.subAllocated);
    expect([sum('disbursed'), sum('available')]).toEqual([r.total.disbursed, r.total.available]);
    // Grouped by budget line, the whole tree is one row: the province's view of it.
    expect((await balances(store, { groupBy: 'subProject' }, ADMIN)).rows).toEqual([{ subProject: 'DA1.1', ...r.total }]);
  });

  it('takes a subtree as its own set: the district is what entered it, the district and commune paid', async () => {
    const district = (await balances(store, { unit: 'PT' }, ADMIN)).total;
    expect(district).toEqual({ allocated: 72_000, subAllocated: 0, disbursed: 14_000, pending: 0, available: 58_000, disbursementRate: 19.44 });
    const officer: Principal = { userId: 'pt', role: 'finance_officer', units: ['PT'] };
    expect((await balances(store, {}, officer)).total).toEqual(district);
  });

  it('value-dates the payments in the figures and in the rate', async () => {
    const r = await balances(store, { groupBy: 'unit', valueDate: '2022-10-01' }, ADMIN);
    expect(r.rows.map((row) => [(row as Record<string, unknown>).unit, row.disbursed, row.available, row.disbursementRate])).toEqual([
      ['LC', 0, 228_000, 4],
      ['MLP', 0, 5_000, 0],
      ['PT', 12_000, 55_000, 16.67],
    ]);
    expect(r.total).toEqual({ allocated: 300_000, subAllocated: 0, disbursed: 12_000, pending: 0, available: 288_000, disbursementRate: 4 });
    expect(r.at).toEqual({ position: await store.checkpoint(), valueDate: '2022-10-01' });
  });
});
