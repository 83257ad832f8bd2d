import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assessHousehold } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { AssessHouseholdCommand } from './assess-household.command';

@CommandHandler(AssessHouseholdCommand)
export class AssessHouseholdHandler implements ICommandHandler<AssessHouseholdCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: AssessHouseholdCommand) {
    return assessHousehold(this.ledger.runner, this.ledger.reads, c.householdId, c.input, c.ctx);
  }
}
