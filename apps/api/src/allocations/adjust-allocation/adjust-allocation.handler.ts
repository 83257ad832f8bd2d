import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { adjustAllocation } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { AdjustAllocationCommand } from './adjust-allocation.command';

@CommandHandler(AdjustAllocationCommand)
export class AdjustAllocationHandler implements ICommandHandler<AdjustAllocationCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: AdjustAllocationCommand) {
    return adjustAllocation(this.ledger.runner, this.ledger.reads, c.allocationId, c.input, c.ctx);
  }
}
