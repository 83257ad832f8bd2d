import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { listAllocations, AllocationsQuery } from '../../../../../libs/ledger/src';

export class ListAllocationsQuery extends Query<Awaited<ReturnType<typeof listAllocations>>> {
  constructor(
    readonly query: AllocationsQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}
