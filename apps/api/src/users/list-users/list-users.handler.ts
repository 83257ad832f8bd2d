import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { listUsers } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { ListUsersQuery } from './list-users.query';

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: ListUsersQuery) {
    return listUsers(this.ledger.reads, q.query, q.principal);
  }
}
