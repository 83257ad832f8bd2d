import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { readingAt, unitByCode, unitView } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { GetUnitQuery } from './get-unit.query';

@QueryHandler(GetUnitQuery)
export class GetUnitHandler implements IQueryHandler<GetUnitQuery> {
  constructor(private readonly ledger: LedgerService) {}
  async execute(q: GetUnitQuery) {
    const { reads, at } = await readingAt(this.ledger.reads, {});
    const unit = await unitByCode(reads, q.principal, q.code);
    return { ...unitView(unit), at };
  }
}
