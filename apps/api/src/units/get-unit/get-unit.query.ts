import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { unitView, ReadPoint } from '../../../../../libs/ledger/src';

export class GetUnitQuery extends Query<ReturnType<typeof unitView> & Readonly<{ at: ReadPoint }>> {
  constructor(
    readonly code: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
