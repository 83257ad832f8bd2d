import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { audit } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { GetAuditTrailQuery } from './get-audit-trail.query';

@QueryHandler(GetAuditTrailQuery)
export class GetAuditTrailHandler implements IQueryHandler<GetAuditTrailQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetAuditTrailQuery) {
    return audit(this.ledger.events, this.ledger.reads, q.query, q.principal, this.ledger.keys);
  }
}
