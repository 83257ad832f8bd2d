import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { rejectRequest } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { RejectRequestCommand } from './reject-request.command';

@CommandHandler(RejectRequestCommand)
export class RejectRequestHandler implements ICommandHandler<RejectRequestCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: RejectRequestCommand) {
    return rejectRequest(this.ledger.runner, this.ledger.reads, c.disbursementId, c.input, c.ctx);
  }
}
