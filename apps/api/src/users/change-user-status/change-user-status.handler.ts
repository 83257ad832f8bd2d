import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { deactivateUser, reactivateUser } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { ChangeUserStatusCommand } from './change-user-status.command';

@CommandHandler(ChangeUserStatusCommand)
export class ChangeUserStatusHandler implements ICommandHandler<ChangeUserStatusCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: ChangeUserStatusCommand) {
    return c.change === 'deactivate'
      ? deactivateUser(this.ledger.runner, this.ledger.reads, c.userId, c.input, c.ctx)
      : reactivateUser(this.ledger.runner, c.userId, c.input, c.ctx);
  }
}
