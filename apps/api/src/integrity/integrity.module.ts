import { Controller, Get, Module, Query as QueryParams } from '@nestjs/common';
import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ConsistentReadQuery } from '../http/query.dto';
import { LedgerService } from '../ledger/ledger.service';
import { ApiDoc, READ_ERRORS } from '../http/openapi';
import { IntegrityHeadDto } from './integrity.responses';
import { IntegrityMonitor } from './integrity-monitor';

export type IntegrityHead = { position: number; hash: string };

export class GetIntegrityQuery extends Query<IntegrityHead> {}

@QueryHandler(GetIntegrityQuery)
export class GetIntegrityHandler implements IQueryHandler<GetIntegrityQuery> {
  constructor(private readonly ledger: LedgerService) {}
  async execute(): Promise<IntegrityHead> {
    const head = await this.ledger.events.head();
    return { position: head.position, hash: head.hash };
  }
}

/** The head of the hash-chained log, for anyone signed in to note down and compare later. */
@ApiTags('integrity')
@ApiBearerAuth()
@Controller('api/v1/integrity')
export class IntegrityController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    summary: 'The head of the hash-chained log',
    description: 'Its position and hash, for anyone signed in to note down and compare later (`ledger verify` re-walks the chain; `ledger checkpoint` signs a head).',
    ok: IntegrityHeadDto,
    errors: [...READ_ERRORS],
  })
  @Get()
  // No parameter but consistentWith (taken by the consistency interceptor); anything else is refused.
  head(@QueryParams() _query: ConsistentReadQuery): Promise<IntegrityHeadDto> {
    return this.queries.execute(new GetIntegrityQuery());
  }
}

@Module({ controllers: [IntegrityController], providers: [GetIntegrityHandler, IntegrityMonitor], exports: [IntegrityMonitor] })
export class IntegrityModule {}
