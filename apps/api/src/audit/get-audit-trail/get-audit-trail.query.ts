import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { audit, AuditQuery } from '../../../../../libs/ledger/src';

export class GetAuditTrailQuery extends Query<Awaited<ReturnType<typeof audit>>> {
  constructor(
    readonly query: AuditQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}
