import { allocationDecider, type AllocationAdjusted, type FundsPassedDown } from '../../../../domain/src';
import type { LedgerMetadata } from '../../ports/event-store.port';
import type { ReadStore } from '../../ports/read-store.port';
import { TRANSFERS, type TransferDoc } from '../../projections/transfers.projection';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { completeIncrease, completeReduction, completeSubAllocation } from './transfers';

/**
 * Finishes every transfer whose first step is in the log and whose second is not: what a process
 * killed between the two appends leaves behind. Run at start; while running, the saga over
 * committed events does the same for one transfer (apps/api/src/transfers).
 */
export async function recoverTransfers(runner: CommandRunner, reads: ReadStore, context: (original: LedgerMetadata) => AppContext): Promise<number> {
  const pending = await reads.find<TransferDoc>(TRANSFERS, { status: 'pending' });
  for (const t of pending) await completeTransfer(runner, t, context);
  return pending.length;
}

/**
 * Takes a transfer's second step. Each second step is idempotent (it checks the transfer id on the
 * target stream), so running this while a handler or another process finishes the same transfer
 * is harmless. The second step is recorded under the original actor and idempotency key, so the
 * client's retry gets the answer it would have had.
 */
export async function completeTransfer(runner: CommandRunner, t: TransferDoc, context: (original: LedgerMetadata) => AppContext): Promise<void> {
  const [first] = await runner.store.readPositions([t.firstStep.position]);
  if (!first) throw new Error(`transfer ${t.id}: no event at position ${t.firstStep.position}`);
  const ctx = context(first.metadata);
  switch (t.kind) {
    case 'sub-allocation': {
      const { state } = await runner.load(streams.allocation(t.firstStep.allocationId), allocationDecider);
      if (state.status !== 'granted') throw new Error(`transfer ${t.id}: parent ${t.firstStep.allocationId} is not granted`);
      await completeSubAllocation(runner, state, first as unknown as FundsPassedDown, ctx).catch((e: unknown) => {
        if ((e as { code?: string }).code !== 'ALREADY_EXISTS') throw e;
      });
      return;
    }
    case 'increase':
      await completeIncrease(runner, first as unknown as FundsPassedDown, ctx);
      return;
    case 'reduction': {
      const { state } = await runner.load(streams.allocation(t.childAllocationId), allocationDecider);
      if (state.status !== 'granted' || state.parentId === null) throw new Error(`transfer ${t.id}: ${t.childAllocationId} has no parent`);
      await completeReduction(runner, state.parentId, first as unknown as AllocationAdjusted, ctx);
      return;
    }
  }
}
