import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { listHouseholds } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { ListHouseholdsQuery } from './list-households.query';

@QueryHandler(ListHouseholdsQuery)
export class ListHouseholdsHandler implements IQueryHandler<ListHouseholdsQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: ListHouseholdsQuery) {
    return listHouseholds(this.ledger.reads, q.query, q.principal, this.ledger.keys);
  }
}
