import { Command } from '@nestjs/cqrs';
import type { AppContext, approveRequest, ApproveRequestInput } from '../../../../../libs/ledger/src';

export class ApproveRequestCommand extends Command<Awaited<ReturnType<typeof approveRequest>>> {
  constructor(
    readonly disbursementId: string,
    readonly input: ApproveRequestInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
