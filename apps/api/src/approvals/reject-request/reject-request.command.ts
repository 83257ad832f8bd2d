import { Command } from '@nestjs/cqrs';
import type { AppContext, rejectRequest, RejectRequestInput } from '../../../../../libs/ledger/src';

export class RejectRequestCommand extends Command<Awaited<ReturnType<typeof rejectRequest>>> {
  constructor(
    readonly disbursementId: string,
    readonly input: RejectRequestInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
