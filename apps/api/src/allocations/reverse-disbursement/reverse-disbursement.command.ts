import { Command } from '@nestjs/cqrs';
import type { reverseDisbursement, AppContext, ReverseDisbursementInput } from '../../../../../libs/ledger/src';

export class ReverseDisbursementCommand extends Command<Awaited<ReturnType<typeof reverseDisbursement>>> {
  constructor(
    readonly disbursementId: string,
    readonly input: ReverseDisbursementInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
