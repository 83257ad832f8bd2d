import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteLedgerStore } from '../../../../adapters/src';
import { allocationDecider, type FundsPassedDown } from '../../../../domain/src';
import { PROJECTIONS, auditKeys, ALLOCATIONS, TRANSFERS, type AllocationDoc, type TransferDoc } from '../../projections';
import { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { registerUnit, parseRegisterUnit } from '../units/register-unit';
import { grantAllocation, parseGrantAllocation } from './grant-allocation';
import { recoverTransfers } from './recover-transfers';
import { streams } from '../../streams';

let n = 0;
const ctx = (): AppContext => ({
  principal: { userId: 'admin', role: 'admin', units: [] },
  actor: { userId: 'admin', role: 'admin' },
  now: '2022-07-01T03:00:00.000Z',
  correlationId: 'c',
  causationId: null,
  idempotencyKey: null,
  idempotency: null,
  newId: () => `id-${++n}`,
});
const DECISION = { number: '747/QĐ-UBND', date: '2022-06-30', issuer: 'UBND tỉnh Lai Châu' };
const LINE = { program: 'GNBV-2021-2025', project: 'DA1', subProject: 'DA1.1', fiscalYear: 2022, capitalType: 'investment', source: 'central' };

/**
 * A process killed between the two appends of a transfer leaves the first step alone in the log.
 * Reopening the file and running recovery must complete it, never leave it half-done.
 */
describe('recovering half-done transfers after a crash (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-recover-'));
  const file = join(dir, 'ledger.db');
  const open = () => new SqliteLedgerStore(file, { projections: PROJECTIONS, auditKeys });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('completes a sub-allocation and a reduction whose second step never ran', async () => {
    let store = open();
    let runner = new CommandRunner(store);
    for (const u of [
      { code: 'VN', name: 'VN', level: 'central' },
      { code: 'LC', name: 'LC', level: 'province', parent: 'VN' },
      { code: 'PT', name: 'PT', level: 'district', parent: 'LC' },
    ])
      await registerUnit(runner, store, parseRegisterUnit(u), ctx());
    await grantAllocation(runner, store, parseGrantAllocation({ id: 'LC-1', unit: 'LC', ...LINE, amount: 100_000, decision: DECISION }), ctx());
    await grantAllocation(runner, store, parseGrantAllocation({ id: 'PT-1', parentId: 'LC-1', unit: 'PT', amount: 30_000, decision: DECISION }), ctx());

    // Step one of a sub-allocation only: the parent reserves 50,000 for PT-2, then the process dies.
    await runner.run(
      streams.allocation('LC-1'),
      allocationDecider,
      { type: 'PassDown', transferId: 'T-CRASH', childAllocationId: 'PT-2', childUnitPath: ['PT', 'LC', 'VN'], line: {}, amount: 50_000, decision: DECISION },
      ctx(),
    );
    // Step one of a reduction only: PT-1 gives up 10,000, the parent never hears of it.
    await runner.run(
      streams.allocation('PT-1'),
      allocationDecider,
      { type: 'AdjustAllocation', delta: -10_000, decision: DECISION, reason: 'cut', transferId: 'T-CUT' },
      ctx(),
    );
    expect((await store.find<TransferDoc>(TRANSFERS, { status: 'pending' })).map((t) => t.id).sort()).toEqual(['T-CRASH', 'T-CUT']);
    await store.close();

    store = open();
    runner = new CommandRunner(store);
    expect(await recoverTransfers(runner, store, () => ctx())).toBe(2);
    const lc = await store.get<AllocationDoc>(ALLOCATIONS, 'LC-1');
    const pt1 = await store.get<AllocationDoc>(ALLOCATIONS, 'PT-1');
    const pt2 = await store.get<AllocationDoc>(ALLOCATIONS, 'PT-2');
    expect(pt2).toMatchObject({ allocated: 50_000, parentId: 'LC-1', unit: 'PT' });
    expect(pt1!.allocated).toBe(20_000);
    expect(lc!.subAllocated).toBe(pt1!.allocated + pt2!.allocated);
    expect(await store.find(TRANSFERS, { status: 'pending' })).toEqual([]);
    // Running it again changes nothing.
    const head = (await store.head()).position;
    expect(await recoverTransfers(runner, store, () => ctx())).toBe(0);
    expect((await store.head()).position).toBe(head);
    await store.close();
  });

  it('undoes a reservation whose child id was taken in the meantime', async () => {
    const store = open();
    const runner = new CommandRunner(store);
    await grantAllocation(runner, store, parseGrantAllocation({ id: 'TAKEN', unit: 'PT', ...LINE, amount: 1, decision: DECISION }), ctx());
    const { events } = await runner.run(
      streams.allocation('LC-1'),
      allocationDecider,
      { type: 'PassDown', transferId: 'T-RACE', childAllocationId: 'TAKEN', childUnitPath: ['PT', 'LC', 'VN'], line: {}, amount: 5_000, decision: DECISION },
      ctx(),
    );
    expect((events[0] as FundsPassedDown).data.amount).toBe(5_000);
    const before = (await store.get<AllocationDoc>(ALLOCATIONS, 'LC-1'))!.subAllocated;
    expect(await recoverTransfers(runner, store, () => ctx())).toBe(1);
    expect((await store.get<AllocationDoc>(ALLOCATIONS, 'LC-1'))!.subAllocated).toBe(before - 5_000);
    expect((await store.get<AllocationDoc>(ALLOCATIONS, 'TAKEN'))!.allocated).toBe(1);
    await store.close();
  });
});
