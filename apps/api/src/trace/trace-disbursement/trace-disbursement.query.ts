import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { TimeTravelQuery } from '../../../../../libs/ledger/src';
import type { disbursementTrace } from '../../../../../libs/ledger/src/queries/trace';

export class GetDisbursementTraceQuery extends Query<Awaited<ReturnType<typeof disbursementTrace>>> {
  constructor(
    readonly id: string,
    readonly principal: Principal,
    readonly at: TimeTravelQuery = {},
  ) {
    super();
  }
}
