import { Command } from '@nestjs/cqrs';
import type { adjustAllocation, AdjustAllocationInput, AppContext } from '../../../../../libs/ledger/src';

export class AdjustAllocationCommand extends Command<Awaited<ReturnType<typeof adjustAllocation>>> {
  constructor(
    readonly allocationId: string,
    readonly input: AdjustAllocationInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
