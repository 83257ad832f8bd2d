import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { grantAllocation } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { GrantAllocationCommand } from './grant-allocation.command';

@CommandHandler(GrantAllocationCommand)
export class GrantAllocationHandler implements ICommandHandler<GrantAllocationCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: GrantAllocationCommand) {
    return grantAllocation(this.ledger.runner, this.ledger.reads, c.input, c.ctx);
  }
}
