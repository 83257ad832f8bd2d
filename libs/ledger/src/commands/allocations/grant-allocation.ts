import {
  allocationDecider,
  amount,
  assertCanWrite,
  assertId,
  budgetLine,
  budgetLineFields,
  decision,
  optionalId,
  rawInput,
  reference,
  type BudgetLine,
  type BudgetLineFields,
  type Dong,
  type FundsPassedDown,
  type LegalDocument,
} from '../../../../domain/src';
import type { ReadStore } from '../../ports/read-store.port';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { allocationRef, assertIdFree, unitRef } from '../lookups';
import { created } from './responses';
import { completeSubAllocation } from './transfers';

/**
 * A top-level grant names its whole budget line (checked against the catalogue); a sub-allocation
 * names its parent, and any line field it gives must repeat the parent's.
 */
export type GrantAllocationInput = Readonly<{ id: string | null; unit: string; amount: Dong; decision: LegalDocument }> &
  (Readonly<{ parentId: null; line: BudgetLine }> | Readonly<{ parentId: string; line: BudgetLineFields }>);

export function parseGrantAllocation(body: unknown): GrantAllocationInput {
  const raw = rawInput(body);
  const common = {
    id: optionalId('id', raw.id),
    unit: reference('unit', raw.unit, 'a unit code'),
    amount: amount('amount', raw.amount),
    decision: decision('decision', raw.decision),
  };
  if (raw.parentId === undefined || raw.parentId === null) return { ...common, parentId: null, line: budgetLine(raw) };
  return { ...common, parentId: reference('parentId', raw.parentId, 'an allocation id'), line: budgetLineFields(raw) };
}

export async function grantAllocation(runner: CommandRunner, reads: ReadStore, input: GrantAllocationInput, ctx: AppContext) {
  const id = input.id ?? ctx.newId();
  assertId('id', id);
  await assertIdFree(reads, ctx.principal, 'allocation', id);
  const unit = await unitRef(reads, ctx.principal, 'unit', input.unit);
  if (input.parentId !== null) return subAllocate(runner, reads, id, unit.path, input.parentId, input, ctx);

  // A top-level allocation is granted by the receiving unit's parent; a root unit only by an admin.
  assertCanWrite(ctx.principal, 'money', unit.parent ? unit.path.slice(1) : null, `an allocation to unit '${unit.code}' is granted by the unit above it`);
  const { result } = await runner.run(
    streams.allocation(id),
    allocationDecider,
    { type: 'GrantAllocation', allocationId: id, unit: unit.code, grantedBy: unit.parent, line: input.line, amount: input.amount, decision: input.decision },
    ctx,
    { respond: created(id) },
  );
  return created(id)(result!);
}

/**
 * Two streams, two appends: the parent reserves the amount under its expected revision (so it can
 * never pass down more than it has), then the child is granted. If the process dies in between,
 * the reservation is listed as a pending transfer and completed on restart (transfers.ts).
 */
async function subAllocate(
  runner: CommandRunner,
  reads: ReadStore,
  id: string,
  childUnitPath: readonly string[],
  parentId: string,
  input: GrantAllocationInput,
  ctx: AppContext,
) {
  const parent = await allocationRef(reads, ctx.principal, 'parentId', parentId);
  assertCanWrite(ctx.principal, 'money', parent.unitPath);
  const { events, state } = await runner.run(
    streams.allocation(parent.id),
    allocationDecider,
    { type: 'PassDown', transferId: ctx.newId(), childAllocationId: id, childUnitPath, line: input.line, amount: input.amount, decision: input.decision },
    ctx,
  );
  if (state.status !== 'granted') throw new Error('unreachable: parent vanished');
  return completeSubAllocation(runner, state, events[0] as FundsPassedDown, ctx);
}
