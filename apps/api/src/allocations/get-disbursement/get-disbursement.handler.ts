import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { disbursementById } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { GetDisbursementQuery } from './get-disbursement.query';

@QueryHandler(GetDisbursementQuery)
export class GetDisbursementHandler implements IQueryHandler<GetDisbursementQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetDisbursementQuery) {
    return disbursementById(this.ledger.reads, q.id, q.principal, q.query);
  }
}
