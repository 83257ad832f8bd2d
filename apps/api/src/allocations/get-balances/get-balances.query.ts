import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { balances, BalancesQuery } from '../../../../../libs/ledger/src';

export class GetBalancesQuery extends Query<Awaited<ReturnType<typeof balances>>> {
  constructor(
    readonly query: BalancesQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}
