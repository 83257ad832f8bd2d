import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { readPoint, timeTravel } from '../../../../../libs/ledger/src';
import { disbursementTrace } from '../../../../../libs/ledger/src/queries/trace';
import { LedgerService } from '../../ledger/ledger.service';
import { GetDisbursementTraceQuery } from './trace-disbursement.query';

@QueryHandler(GetDisbursementTraceQuery)
export class GetDisbursementTraceHandler implements IQueryHandler<GetDisbursementTraceQuery> {
  constructor(private readonly ledger: LedgerService) {}
  async execute(q: GetDisbursementTraceQuery) {
    // At a past point the payment must already have been recorded (else 404), and its reversal shows only if it was.
    const { reads, position } = await timeTravel(this.ledger.reads, q.at);
    const trace = await disbursementTrace(reads, this.ledger.events, q.id, q.principal);
    return position === null ? trace : { ...trace, at: readPoint(q.at, position) };
  }
}
