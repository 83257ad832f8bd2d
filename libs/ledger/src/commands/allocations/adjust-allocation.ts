import {
  allocationDecider,
  assertCanWrite,
  decision,
  invalid,
  rawInput,
  text,
  type AllocationAdjusted,
  type Dong,
  type FundsPassedDown,
  type LegalDocument,
} from '../../../../domain/src';
import type { ReadStore } from '../../ports/read-store.port';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { UNITS, type UnitDoc } from '../../projections/units.projection';
import { allocationById } from '../lookups';
import { created } from './responses';
import { completeIncrease, completeReduction } from './transfers';

export type AdjustAllocationInput = Readonly<{ delta: Dong; decision: LegalDocument; reason: string }>;

export function parseAdjustAllocation(body: unknown): AdjustAllocationInput {
  const raw = rawInput(body);
  const delta = raw.delta;
  if (typeof delta !== 'number' || !Number.isSafeInteger(delta) || delta === 0) {
    throw invalid('delta', 'must be a non-zero whole number of đồng (a safe integer)');
  }
  return { delta, decision: decision('decision', raw.decision), reason: text('reason', raw.reason, 1000) };
}

/**
 * An adjustment is decided by whoever granted the allocation. For a sub-allocation the money moves
 * between two streams; the side that gives money up always goes first, under its expected revision.
 */
export async function adjustAllocation(runner: CommandRunner, reads: ReadStore, id: string, input: AdjustAllocationInput, ctx: AppContext) {
  const allocation = await allocationById(reads, ctx.principal, id);
  // The grantor may be a unit the caller cannot see (a district's own allocation, granted by its province).
  const grantor = allocation.grantedBy ? await reads.get<UnitDoc>(UNITS, allocation.grantedBy) : null;
  assertCanWrite(ctx.principal, 'money', grantor ? grantor.path : null, `allocation '${id}' is adjusted by the unit that granted it`);

  if (allocation.parentId === null) {
    const { result } = await runner.run(
      streams.allocation(id),
      allocationDecider,
      { type: 'AdjustAllocation', delta: input.delta, decision: input.decision, reason: input.reason, transferId: null },
      ctx,
      { respond: created(id) },
    );
    return created(id)(result!);
  }
  const transferId = ctx.newId();
  if (input.delta > 0) {
    const { events } = await runner.run(
      streams.allocation(allocation.parentId),
      allocationDecider,
      {
        type: 'PassDownIncrease',
        transferId,
        childAllocationId: id,
        childUnit: allocation.unit,
        delta: input.delta,
        decision: input.decision,
        reason: input.reason,
      },
      ctx,
    );
    return completeIncrease(runner, events[0] as FundsPassedDown, ctx);
  }
  const { events } = await runner.run(
    streams.allocation(id),
    allocationDecider,
    { type: 'AdjustAllocation', delta: input.delta, decision: input.decision, reason: input.reason, transferId },
    ctx,
  );
  return completeReduction(runner, allocation.parentId, events[0] as AllocationAdjusted, ctx);
}
