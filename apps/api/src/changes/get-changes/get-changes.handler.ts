import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { changes } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { GetChangesQuery } from './get-changes.query';

@QueryHandler(GetChangesQuery)
export class GetChangesHandler implements IQueryHandler<GetChangesQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetChangesQuery) {
    return changes(this.ledger.events, this.ledger.reads, q.query, q.principal, this.ledger.keys);
  }
}
