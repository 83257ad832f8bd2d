import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { listDisbursements } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { ListDisbursementsQuery } from './list-disbursements.query';

@QueryHandler(ListDisbursementsQuery)
export class ListDisbursementsHandler implements IQueryHandler<ListDisbursementsQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: ListDisbursementsQuery) {
    return listDisbursements(this.ledger.reads, q.allocationId, q.query, q.principal);
  }
}
