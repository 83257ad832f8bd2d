import { Command } from '@nestjs/cqrs';
import type { AppContext, eraseHouseholdPersonalData, EraseHouseholdPersonalDataInput } from '../../../../../libs/ledger/src';

export class EraseHouseholdPersonalDataCommand extends Command<Awaited<ReturnType<typeof eraseHouseholdPersonalData>>> {
  constructor(
    readonly householdId: string,
    readonly input: EraseHouseholdPersonalDataInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
