import { Command } from '@nestjs/cqrs';
import type { registerHousehold, AppContext, RegisterHouseholdInput } from '../../../../../libs/ledger/src';

export class RegisterHouseholdCommand extends Command<Awaited<ReturnType<typeof registerHousehold>>> {
  constructor(
    readonly input: RegisterHouseholdInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
