import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { me } from '../../../../../libs/ledger/src';

export class GetMeQuery extends Query<Awaited<ReturnType<typeof me>>> {
  constructor(readonly principal: Principal) {
    super();
  }
}
