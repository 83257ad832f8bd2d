import { Controller, Get, Module, Query as QueryParams, Req } from '@nestjs/common';
import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../../libs/domain/src';
import { changes, type ChangesQuery } from '../../../../libs/ledger/src';
import type { AuthenticatedRequest } from '../http/principal';
import { LedgerService } from '../ledger/ledger.service';
import { ApiDoc, READ_ERRORS } from '../http/openapi';
import { ChangesDto } from './changes.responses';

export class GetChangesQuery extends Query<unknown> {
  constructor(readonly query: ChangesQuery, readonly principal: Principal) {
    super();
  }
}

@QueryHandler(GetChangesQuery)
export class GetChangesHandler implements IQueryHandler<GetChangesQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetChangesQuery) {
    return changes(this.ledger.events, this.ledger.reads, q.query, q.principal);
  }
}

@ApiTags('changes')
@ApiBearerAuth()
@Controller('api/v1/changes')
export class ChangesController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    summary: 'What was recorded between two points of the log, and how balances moved',
    description:
      'Events recorded after `from` up to `to` (positions, ISO timestamps or days), counted by type, the first `limit` listed, and for each allocation they touched its `before`/`after`/`delta` of allocated, subAllocated, disbursed and available. Scoped like every read.',
    ok: ChangesDto,
    errors: [...READ_ERRORS, 403, 501],
  })
  @Get()
  @ApiQuery({ name: 'from', required: false, description: 'a position, an ISO timestamp or a day (exclusive); default: the beginning' })
  @ApiQuery({ name: 'to', required: false, description: 'a position, an ISO timestamp or a day (inclusive); default: now' })
  @ApiQuery({ name: 'unit', required: false })
  @ApiQuery({ name: 'limit', required: false, description: 'events listed, 0–1000 (default 100); all are counted' })
  list(@QueryParams() query: ChangesQuery, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetChangesQuery(query, req.principal!));
  }
}

@Module({ controllers: [ChangesController], providers: [GetChangesHandler] })
export class ChangesModule {}
