import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { listUnits } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { ListUnitsQuery } from './list-units.query';

@QueryHandler(ListUnitsQuery)
export class ListUnitsHandler implements IQueryHandler<ListUnitsQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: ListUnitsQuery) {
    return listUnits(this.ledger.reads, q.query, q.principal);
  }
}
