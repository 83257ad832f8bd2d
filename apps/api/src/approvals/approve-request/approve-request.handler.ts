import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { approveRequest } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { ApproveRequestCommand } from './approve-request.command';

@CommandHandler(ApproveRequestCommand)
export class ApproveRequestHandler implements ICommandHandler<ApproveRequestCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: ApproveRequestCommand) {
    return approveRequest(this.ledger.runner, this.ledger.reads, c.disbursementId, c.input, c.ctx);
  }
}
