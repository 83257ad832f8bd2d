import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { ApprovalsQuery, listApprovals } from '../../../../../libs/ledger/src';

export class ListApprovalsQuery extends Query<Awaited<ReturnType<typeof listApprovals>>> {
  constructor(
    readonly query: ApprovalsQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}
