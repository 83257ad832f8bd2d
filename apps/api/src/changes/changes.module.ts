import { Controller, Get, Module, Query as QueryParams, Req } from '@nestjs/common';
import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../../libs/domain/src';
import { changes, type ChangesQuery } from '../../../../libs/ledger/src';
import type { AuthenticatedRequest } from '../http/principal';
import { LedgerService } from '../ledger/ledger.service';
import { ApiDoc, READ_ERRORS } from '../http/openapi';
import { ChangesDto, ChangesQueryDto } from './changes.dto';

export class GetChangesQuery extends Query<unknown> {
  constructor(
    readonly query: ChangesQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}

@QueryHandler(GetChangesQuery)
export class GetChangesHandler implements IQueryHandler<GetChangesQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetChangesQuery) {
    return changes(this.ledger.events, this.ledger.reads, q.query, q.principal, this.ledger.keys);
  }
}

@ApiTags('changes')
@ApiBearerAuth()
@Controller('api/v1/changes')
export class ChangesController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    summary: 'What changed between two points',
    description:
      "The events recorded after `from` up to `to` (positions, ISO timestamps or days), cursor-paged, counted by type, and how each allocation they touched moved (`before`/`after`/`delta`). Scoped like every read; later pages keep the first page's `to`.",
    ok: ChangesDto,
    errors: [...READ_ERRORS, 403, 501],
  })
  @Get()
  list(@QueryParams() query: ChangesQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetChangesQuery(query, req.principal!));
  }
}

@Module({ controllers: [ChangesController], providers: [GetChangesHandler] })
export class ChangesModule {}
