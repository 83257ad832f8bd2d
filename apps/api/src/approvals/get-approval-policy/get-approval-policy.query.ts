import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { approvalPolicy, TimeTravelQuery } from '../../../../../libs/ledger/src';

export class GetApprovalPolicyQuery extends Query<Awaited<ReturnType<typeof approvalPolicy>>> {
  constructor(
    readonly code: string,
    readonly principal: Principal,
    readonly at: TimeTravelQuery,
  ) {
    super();
  }
}
