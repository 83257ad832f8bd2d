import { DomainError, allocationDecider, subAllocationGrant, type AllocationAdjusted, type FundsPassedDown, type Granted } from '../../../../domain/src';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { created } from './responses';

/**
 * Step two of a sub-allocation. If the child id was taken meanwhile (a race the pre-check cannot
 * close), the reservation is undone on the parent and the caller gets ALREADY_EXISTS: money is
 * never left reserved for a child that does not exist.
 */
export async function completeSubAllocation(runner: CommandRunner, parent: Granted, passed: FundsPassedDown, ctx: AppContext) {
  const childId = passed.data.childAllocationId;
  try {
    const { result } = await runner.run(streams.allocation(childId), allocationDecider, subAllocationGrant(parent, passed.data), ctx, {
      respond: created(childId),
    });
    const head = result ?? { lastPosition: (await runner.store.head()).position };
    return { id: childId, position: head.lastPosition };
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'ALREADY_EXISTS') throw error;
    await runner.run(
      streams.allocation(parent.id),
      allocationDecider,
      {
        type: 'ReturnFunds',
        transferId: passed.data.transferId,
        purpose: 'cancellation',
        childAllocationId: childId,
        amount: passed.data.amount,
        reason: `allocation id '${childId}' was already taken`,
      },
      { ...ctx, idempotency: null },
    );
    throw error;
  }
}

/** Step two of a sub-allocation's increase: the child receives what the parent passed down. */
export async function completeIncrease(runner: CommandRunner, passed: FundsPassedDown, ctx: AppContext) {
  const childId = passed.data.childAllocationId;
  const { result } = await runner.run(
    streams.allocation(childId),
    allocationDecider,
    { type: 'ApplyIncrease', transferId: passed.data.transferId, delta: passed.data.amount, decision: passed.data.decision, reason: passed.data.reason ?? '' },
    ctx,
    { respond: created(childId) },
  );
  return { id: childId, position: result?.lastPosition ?? (await runner.store.head()).position };
}

/** Step two of a reduction: the parent gets back what its child gave up. */
export async function completeReduction(runner: CommandRunner, parentId: string, adjusted: AllocationAdjusted, ctx: AppContext) {
  const childId = adjusted.data.allocationId;
  const { result } = await runner.run(
    streams.allocation(parentId),
    allocationDecider,
    {
      type: 'ReturnFunds',
      transferId: adjusted.data.transferId!,
      purpose: 'reduction',
      childAllocationId: childId,
      amount: -adjusted.data.delta,
      reason: adjusted.data.reason,
    },
    ctx,
    { respond: created(childId) },
  );
  return { id: childId, position: result?.lastPosition ?? (await runner.store.head()).position };
}
