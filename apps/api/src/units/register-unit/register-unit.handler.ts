import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { registerUnit } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { RegisterUnitCommand } from './register-unit.command';

@CommandHandler(RegisterUnitCommand)
export class RegisterUnitHandler implements ICommandHandler<RegisterUnitCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: RegisterUnitCommand) {
    return registerUnit(this.ledger.runner, this.ledger.reads, c.input, c.ctx);
  }
}
