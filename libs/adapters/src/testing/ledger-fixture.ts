import type { StoredEvent } from '../../../ledger/src/ports/event-store.port';
import { PROJECTIONS, auditKeys } from '../../../ledger/src/projections';
import { CommandRunner } from '../../../ledger/src/commands/command-runner';
import type { AppContext } from '../../../ledger/src/commands/context';
import { registerUnit, parseRegisterUnit } from '../../../ledger/src/commands/units/register-unit';
import { grantAllocation, parseGrantAllocation } from '../../../ledger/src/commands/allocations/grant-allocation';
import { recordDisbursement, parseRecordDisbursement } from '../../../ledger/src/commands/allocations/record-disbursement';
import { reverseDisbursement, parseReverseDisbursement } from '../../../ledger/src/commands/allocations/reverse-disbursement';
import { adjustAllocation, parseAdjustAllocation } from '../../../ledger/src/commands/allocations/adjust-allocation';
import { registerHousehold, parseRegisterHousehold } from '../../../ledger/src/commands/households/register-household';
import { MemoryLedgerStore } from '../memory/memory-ledger-store';

const DECISION = { number: '747/QĐ-UBND', date: '2022-06-30', issuer: 'UBND tỉnh Lai Châu' };
const LINE = { program: 'GNBV-2021-2025', project: 'DA1', subProject: 'DA1.1', fiscalYear: 2022, capitalType: 'investment', source: 'central' };

/**
 * A small real ledger (units, a grant, a sub-allocation, an increase, payments, a reversal, a
 * household) built by the use cases on the in-memory store: its log feeds the read-store contract
 * and the projector tests, and its read models are the reference they must reproduce.
 */
export async function buildLedgerFixture(): Promise<{ reference: MemoryLedgerStore; events: StoredEvent[] }> {
  const store = new MemoryLedgerStore({ projections: PROJECTIONS, auditKeys });
  const runner = new CommandRunner(store);
  let n = 0;
  const ctx = (): AppContext => ({
    principal: { userId: 'admin', role: 'admin', units: [] },
    actor: { userId: 'admin', role: 'admin' },
    now: '2022-12-01T03:00:00.000Z',
    correlationId: 'fixture',
    causationId: null,
    idempotencyKey: null,
    idempotency: null,
    newId: () => `fx-${++n}`,
  });
  for (const u of [
    { code: 'VN', name: 'Trung ương', level: 'central' },
    { code: 'LC', name: 'Lai Châu', level: 'province', parent: 'VN' },
    { code: 'PT', name: 'Phong Thổ', level: 'district', parent: 'LC' },
    { code: 'MLP', name: 'Ma Li Pho', level: 'commune', parent: 'PT' },
  ])
    await registerUnit(runner, store, parseRegisterUnit(u), ctx());
  await grantAllocation(runner, store, parseGrantAllocation({ id: 'LC-1', unit: 'LC', ...LINE, amount: 300_000, decision: DECISION }), ctx());
  await grantAllocation(runner, store, parseGrantAllocation({ id: 'PT-1', parentId: 'LC-1', unit: 'PT', amount: 71_570, decision: DECISION }), ctx());
  await adjustAllocation(runner, store, 'PT-1', parseAdjustAllocation({ delta: 430, decision: DECISION, reason: 'top-up' }), ctx());
  await recordDisbursement(runner, store, 'PT-1', parseRecordDisbursement({ id: 'D1', amount: 12_000, valueDate: '2022-09-15', voucher: 'UNC-001' }), ctx());
  await recordDisbursement(runner, store, 'PT-1', parseRecordDisbursement({ id: 'D2', amount: 5_000, valueDate: '2022-10-21', voucher: 'UNC-002' }), ctx());
  await reverseDisbursement(runner, store, 'D2', parseReverseDisbursement({ reason: 'posted twice' }), ctx());
  await registerHousehold(runner, store, parseRegisterHousehold({ id: 'H1', unit: 'MLP', area: 'rural', members: 4 }), ctx());
  return { reference: store, events: await store.readAll(0, 10_000) };
}
