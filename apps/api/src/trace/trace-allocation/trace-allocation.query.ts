import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { TimeTravelQuery } from '../../../../../libs/ledger/src';
import type { AllocationTrace } from '../../../../../libs/ledger/src/queries/trace';

export class GetAllocationTraceQuery extends Query<AllocationTrace> {
  constructor(
    readonly id: string,
    readonly principal: Principal,
    readonly at: TimeTravelQuery = {},
  ) {
    super();
  }
}
