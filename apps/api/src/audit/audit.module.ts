import { Controller, Get, Module, Query as QueryParams, Req } from '@nestjs/common';
import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../../libs/domain/src';
import { audit, type AuditQuery } from '../../../../libs/ledger/src';
import { AuditQueryDto } from './audit.query';
import type { AuthenticatedRequest } from '../http/principal';
import { LedgerService } from '../ledger/ledger.service';
import { ApiDoc, READ_ERRORS } from '../http/openapi';
import { AuditPageDto } from './audit.responses';

export class GetAuditTrailQuery extends Query<unknown> {
  constructor(
    readonly query: AuditQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}

@QueryHandler(GetAuditTrailQuery)
export class GetAuditTrailHandler implements IQueryHandler<GetAuditTrailQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetAuditTrailQuery) {
    return audit(this.ledger.events, this.ledger.reads, q.query, q.principal, this.ledger.keys);
  }
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    summary: 'The audit trail: who did what, when, under which decision, and why',
    description:
      'Events of the log, oldest first, filtered by the record they touched (`allocation`, `household`, `disbursement`), `actor`, `decision` number or time (`from`, `to`), each with its metadata and hash; cursor-paged. Scoped readers see only the events of units in their scope; hashes of tokens are redacted. `asOf`/`atPosition` stop the trail there.',
    ok: AuditPageDto,
    errors: [...READ_ERRORS, 403, 501],
  })
  @Get()
  trail(@QueryParams() query: AuditQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetAuditTrailQuery(query, req.principal!));
  }
}

@Module({ controllers: [AuditController], providers: [GetAuditTrailHandler] })
export class AuditModule {}
