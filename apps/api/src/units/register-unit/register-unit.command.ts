import { Command } from '@nestjs/cqrs';
import type { registerUnit, AppContext, RegisterUnitInput } from '../../../../../libs/ledger/src';

export class RegisterUnitCommand extends Command<Awaited<ReturnType<typeof registerUnit>>> {
  constructor(
    readonly input: RegisterUnitInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
