import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { chainRecords } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { ListChainRecordsQuery } from './list-chain-records.query';

@QueryHandler(ListChainRecordsQuery)
export class ListChainRecordsHandler implements IQueryHandler<ListChainRecordsQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: ListChainRecordsQuery) {
    return chainRecords(this.ledger.events, q.query, q.principal);
  }
}
