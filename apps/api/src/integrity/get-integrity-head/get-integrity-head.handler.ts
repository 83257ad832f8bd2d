import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LedgerService } from '../../ledger/ledger.service';
import { GetIntegrityHeadQuery, type IntegrityHead } from './get-integrity-head.query';

@QueryHandler(GetIntegrityHeadQuery)
export class GetIntegrityHeadHandler implements IQueryHandler<GetIntegrityHeadQuery> {
  constructor(private readonly ledger: LedgerService) {}
  async execute(): Promise<IntegrityHead> {
    const head = await this.ledger.events.head();
    return { position: head.position, hash: head.hash };
  }
}
