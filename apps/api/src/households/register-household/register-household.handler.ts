import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { registerHousehold } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { RegisterHouseholdCommand } from './register-household.command';

@CommandHandler(RegisterHouseholdCommand)
export class RegisterHouseholdHandler implements ICommandHandler<RegisterHouseholdCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: RegisterHouseholdCommand) {
    return registerHousehold(this.ledger.runner, this.ledger.reads, c.input, c.ctx);
  }
}
