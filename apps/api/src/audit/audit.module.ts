import { Controller, Get, Module, Query as QueryParams, Req } from '@nestjs/common';
import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../../libs/domain/src';
import { audit, type AuditQuery } from '../../../../libs/ledger/src';
import { AuditQueryDto } from './audit.query';
import type { AuthenticatedRequest } from '../http/principal';
import { LedgerService } from '../ledger/ledger.service';

export class GetAuditTrailQuery extends Query<unknown> {
  constructor(readonly query: AuditQuery, readonly principal: Principal) {
    super();
  }
}

@QueryHandler(GetAuditTrailQuery)
export class GetAuditTrailHandler implements IQueryHandler<GetAuditTrailQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetAuditTrailQuery) {
    return audit(this.ledger.events, this.ledger.reads, q.query, q.principal);
  }
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  trail(@QueryParams() query: AuditQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetAuditTrailQuery(query, req.principal!));
  }
}

@Module({ controllers: [AuditController], providers: [GetAuditTrailHandler] })
export class AuditModule {}
