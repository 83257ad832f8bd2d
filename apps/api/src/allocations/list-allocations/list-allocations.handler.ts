import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { listAllocations } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { ListAllocationsQuery } from './list-allocations.query';

@QueryHandler(ListAllocationsQuery)
export class ListAllocationsHandler implements IQueryHandler<ListAllocationsQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: ListAllocationsQuery) {
    return listAllocations(this.ledger.reads, q.query, q.principal);
  }
}
