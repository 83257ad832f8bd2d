import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { eraseHouseholdPersonalData } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { EraseHouseholdPersonalDataCommand } from './erase-household-personal-data.command';

@CommandHandler(EraseHouseholdPersonalDataCommand)
export class EraseHouseholdPersonalDataHandler implements ICommandHandler<EraseHouseholdPersonalDataCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: EraseHouseholdPersonalDataCommand) {
    return eraseHouseholdPersonalData(this.ledger.runner, this.ledger.reads, this.ledger.keys, c.householdId, c.input, c.ctx);
  }
}
