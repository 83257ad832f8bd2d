import { Controller, Get, Module, Param, Req } from '@nestjs/common';
import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../../libs/domain/src';
import { allocationTrace, disbursementTrace } from '../../../../libs/ledger/src/queries/trace';
import type { AuthenticatedRequest } from '../http/principal';
import { LedgerService } from '../ledger/ledger.service';

export class GetDisbursementTraceQuery extends Query<unknown> {
  constructor(readonly id: string, readonly principal: Principal) {
    super();
  }
}
export class GetAllocationTraceQuery extends Query<unknown> {
  constructor(readonly id: string, readonly principal: Principal) {
    super();
  }
}

@QueryHandler(GetDisbursementTraceQuery)
export class GetDisbursementTraceHandler implements IQueryHandler<GetDisbursementTraceQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetDisbursementTraceQuery) {
    return disbursementTrace(this.ledger.reads, this.ledger.events, q.id, q.principal);
  }
}

@QueryHandler(GetAllocationTraceQuery)
export class GetAllocationTraceHandler implements IQueryHandler<GetAllocationTraceQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetAllocationTraceQuery) {
    return allocationTrace(this.ledger.reads, q.id, q.principal);
  }
}

@ApiTags('trace')
@ApiBearerAuth()
@Controller('api/v1')
export class TraceController {
  constructor(private readonly queries: QueryBus) {}

  @Get('disbursements/:id/trace')
  disbursement(@Param('id') id: string, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetDisbursementTraceQuery(id, req.principal!));
  }

  @Get('allocations/:id/trace')
  allocation(@Param('id') id: string, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetAllocationTraceQuery(id, req.principal!));
  }
}

@Module({ controllers: [TraceController], providers: [GetDisbursementTraceHandler, GetAllocationTraceHandler] })
export class TraceModule {}
