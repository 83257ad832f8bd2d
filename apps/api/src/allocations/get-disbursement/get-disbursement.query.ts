import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { disbursementById, TimeTravelQuery } from '../../../../../libs/ledger/src';

export class GetDisbursementQuery extends Query<Awaited<ReturnType<typeof disbursementById>>> {
  constructor(
    readonly id: string,
    readonly query: TimeTravelQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}
