import { Command } from '@nestjs/cqrs';
import type { recordDisbursement, AppContext, RecordDisbursementInput } from '../../../../../libs/ledger/src';

export class RecordDisbursementCommand extends Command<Awaited<ReturnType<typeof recordDisbursement>>> {
  constructor(
    readonly allocationId: string,
    readonly input: RecordDisbursementInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
