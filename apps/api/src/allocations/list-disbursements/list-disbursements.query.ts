import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { listDisbursements, PageQuery } from '../../../../../libs/ledger/src';

export class ListDisbursementsQuery extends Query<Awaited<ReturnType<typeof listDisbursements>>> {
  constructor(
    readonly allocationId: string,
    readonly query: PageQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}
