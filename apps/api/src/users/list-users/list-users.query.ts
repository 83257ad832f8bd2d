import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { listUsers, PageQuery } from '../../../../../libs/ledger/src';

export class ListUsersQuery extends Query<Awaited<ReturnType<typeof listUsers>>> {
  constructor(
    readonly query: PageQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}
