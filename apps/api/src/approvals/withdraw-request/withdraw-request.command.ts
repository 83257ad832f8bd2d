import { Command } from '@nestjs/cqrs';
import type { AppContext, withdrawRequest, WithdrawRequestInput } from '../../../../../libs/ledger/src';

export class WithdrawRequestCommand extends Command<Awaited<ReturnType<typeof withdrawRequest>>> {
  constructor(
    readonly disbursementId: string,
    readonly input: WithdrawRequestInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
