import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { me } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { GetMeQuery } from './get-me.query';

@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<GetMeQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetMeQuery) {
    return me(this.ledger.reads, q.principal);
  }
}
