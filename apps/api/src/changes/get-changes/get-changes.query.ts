import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { changes, ChangesQuery } from '../../../../../libs/ledger/src';

export class GetChangesQuery extends Query<Awaited<ReturnType<typeof changes>>> {
  constructor(
    readonly query: ChangesQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}
