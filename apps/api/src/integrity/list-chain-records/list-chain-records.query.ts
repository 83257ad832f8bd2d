import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../../libs/domain/src';
import type { chainRecords } from '../../../../../libs/ledger/src';
import type { ChainRecordsQueryDto } from './list-chain-records.dto';

export class ListChainRecordsQuery extends Query<Awaited<ReturnType<typeof chainRecords>>> {
  constructor(
    readonly query: ChainRecordsQueryDto,
    readonly principal: Principal,
  ) {
    super();
  }
}
