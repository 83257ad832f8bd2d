import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { householdView, TimeTravelQuery } from '../../../../../libs/ledger/src';

export class GetHouseholdQuery extends Query<Awaited<ReturnType<typeof householdView>>> {
  constructor(
    readonly id: string,
    readonly principal: Principal,
    readonly at: TimeTravelQuery = {},
  ) {
    super();
  }
}
