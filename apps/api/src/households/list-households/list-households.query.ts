import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { listHouseholds, HouseholdsQuery } from '../../../../../libs/ledger/src';

export class ListHouseholdsQuery extends Query<Awaited<ReturnType<typeof listHouseholds>>> {
  constructor(
    readonly query: HouseholdsQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}
