import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { readPoint, timeTravel } from '../../../../../libs/ledger/src';
import { allocationTrace } from '../../../../../libs/ledger/src/queries/trace';
import { LedgerService } from '../../ledger/ledger.service';
import { GetAllocationTraceQuery } from './trace-allocation.query';

@QueryHandler(GetAllocationTraceQuery)
export class GetAllocationTraceHandler implements IQueryHandler<GetAllocationTraceQuery> {
  constructor(private readonly ledger: LedgerService) {}
  async execute(q: GetAllocationTraceQuery) {
    // The tree as the read models stood at that point: later payments, reversals and sub-allocations are not in it.
    const { reads, position } = await timeTravel(this.ledger.reads, q.at);
    const trace = await allocationTrace(reads, q.id, q.principal);
    return position === null ? trace : { ...trace, at: readPoint(q.at, position) };
  }
}
