import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { householdView } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { GetHouseholdQuery } from './get-household.query';

@QueryHandler(GetHouseholdQuery)
export class GetHouseholdHandler implements IQueryHandler<GetHouseholdQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetHouseholdQuery) {
    return householdView(this.ledger.reads, q.id, q.principal, q.at, this.ledger.keys);
  }
}
