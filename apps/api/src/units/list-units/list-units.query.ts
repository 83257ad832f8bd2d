import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { listUnits, UnitsQuery } from '../../../../../libs/ledger/src';

export class ListUnitsQuery extends Query<Awaited<ReturnType<typeof listUnits>>> {
  constructor(
    readonly query: UnitsQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}
