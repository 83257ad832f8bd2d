import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { householdStats, TimeTravelQuery } from '../../../../../libs/ledger/src';

export class GetHouseholdStatsQuery extends Query<Awaited<ReturnType<typeof householdStats>>> {
  constructor(
    readonly query: Readonly<{ unit?: string; reviewYear?: string }> & TimeTravelQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}
