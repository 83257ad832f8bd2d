import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { householdStats } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { GetHouseholdStatsQuery } from './get-household-stats.query';

@QueryHandler(GetHouseholdStatsQuery)
export class GetHouseholdStatsHandler implements IQueryHandler<GetHouseholdStatsQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetHouseholdStatsQuery) {
    return householdStats(this.ledger.reads, q.query, q.principal);
  }
}
