import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { balances } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { GetBalancesQuery } from './get-balances.query';

@QueryHandler(GetBalancesQuery)
export class GetBalancesHandler implements IQueryHandler<GetBalancesQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetBalancesQuery) {
    return balances(this.ledger.reads, q.query, q.principal);
  }
}
