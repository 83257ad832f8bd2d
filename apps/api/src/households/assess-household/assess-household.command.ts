import { Command } from '@nestjs/cqrs';
import type { assessHousehold, AppContext, AssessHouseholdInput } from '../../../../../libs/ledger/src';

export class AssessHouseholdCommand extends Command<Awaited<ReturnType<typeof assessHousehold>>> {
  constructor(
    readonly householdId: string,
    readonly input: AssessHouseholdInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
