import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { reverseDisbursement } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { ReverseDisbursementCommand } from './reverse-disbursement.command';

@CommandHandler(ReverseDisbursementCommand)
export class ReverseDisbursementHandler implements ICommandHandler<ReverseDisbursementCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: ReverseDisbursementCommand) {
    return reverseDisbursement(this.ledger.runner, this.ledger.reads, c.disbursementId, c.input, c.ctx);
  }
}
