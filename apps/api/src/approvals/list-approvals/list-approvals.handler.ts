import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { listApprovals } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { ListApprovalsQuery } from './list-approvals.query';

@QueryHandler(ListApprovalsQuery)
export class ListApprovalsHandler implements IQueryHandler<ListApprovalsQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: ListApprovalsQuery) {
    return listApprovals(this.ledger.reads, q.query, q.principal);
  }
}
