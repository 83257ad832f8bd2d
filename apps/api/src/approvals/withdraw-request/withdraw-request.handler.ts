import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { withdrawRequest } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { WithdrawRequestCommand } from './withdraw-request.command';

@CommandHandler(WithdrawRequestCommand)
export class WithdrawRequestHandler implements ICommandHandler<WithdrawRequestCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: WithdrawRequestCommand) {
    return withdrawRequest(this.ledger.runner, this.ledger.reads, c.disbursementId, c.input, c.ctx);
  }
}
