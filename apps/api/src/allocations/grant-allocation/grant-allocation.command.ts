import { Command } from '@nestjs/cqrs';
import type { grantAllocation, AppContext, GrantAllocationInput } from '../../../../../libs/ledger/src';

export class GrantAllocationCommand extends Command<Awaited<ReturnType<typeof grantAllocation>>> {
  constructor(
    readonly input: GrantAllocationInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
