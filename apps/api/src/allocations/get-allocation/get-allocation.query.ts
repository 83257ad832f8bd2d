import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { allocationView, TimeTravelQuery } from '../../../../../libs/ledger/src';

export class GetAllocationQuery extends Query<Awaited<ReturnType<typeof allocationView>>> {
  constructor(
    readonly id: string,
    readonly principal: Principal,
    readonly at: TimeTravelQuery = {},
  ) {
    super();
  }
}
