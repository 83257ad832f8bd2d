import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { allocationView } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { GetAllocationQuery } from './get-allocation.query';

@QueryHandler(GetAllocationQuery)
export class GetAllocationHandler implements IQueryHandler<GetAllocationQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetAllocationQuery) {
    return allocationView(this.ledger.reads, q.id, q.principal, q.at);
  }
}
