import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { recordDisbursement } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { RecordDisbursementCommand } from './record-disbursement.command';

@CommandHandler(RecordDisbursementCommand)
export class RecordDisbursementHandler implements ICommandHandler<RecordDisbursementCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: RecordDisbursementCommand) {
    return recordDisbursement(this.ledger.runner, this.ledger.reads, c.allocationId, c.input, c.ctx);
  }
}
