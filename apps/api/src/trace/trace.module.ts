import { Controller, Get, Module, Param, Query as QueryParams, Req } from '@nestjs/common';
import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../../libs/domain/src';
import { readPoint, timeTravel, type TimeTravelQuery } from '../../../../libs/ledger/src';
import { allocationTrace, disbursementTrace } from '../../../../libs/ledger/src/queries/trace';
import type { AuthenticatedRequest } from '../http/principal';
import { TimeTravelQueryDto } from '../http/query.dto';
import { LedgerService } from '../ledger/ledger.service';
import { ApiDoc, READ_ERRORS } from '../http/openapi';
import { AllocationTraceDto, DisbursementTraceDto } from './trace.responses';

export class GetDisbursementTraceQuery extends Query<unknown> {
  constructor(
    readonly id: string,
    readonly principal: Principal,
    readonly at: TimeTravelQuery = {},
  ) {
    super();
  }
}
export class GetAllocationTraceQuery extends Query<unknown> {
  constructor(
    readonly id: string,
    readonly principal: Principal,
    readonly at: TimeTravelQuery = {},
  ) {
    super();
  }
}

@QueryHandler(GetDisbursementTraceQuery)
export class GetDisbursementTraceHandler implements IQueryHandler<GetDisbursementTraceQuery> {
  constructor(private readonly ledger: LedgerService) {}
  async execute(q: GetDisbursementTraceQuery) {
    // At a past point the payment must already have been recorded (else 404), and its reversal shows only if it was.
    const { reads, position } = await timeTravel(this.ledger.reads, q.at);
    const trace = await disbursementTrace(reads, this.ledger.events, q.id, q.principal);
    return position === null ? trace : { ...trace, at: readPoint(q.at, position) };
  }
}

@QueryHandler(GetAllocationTraceQuery)
export class GetAllocationTraceHandler implements IQueryHandler<GetAllocationTraceQuery> {
  constructor(private readonly ledger: LedgerService) {}
  async execute(q: GetAllocationTraceQuery) {
    // The tree as the read models stood at that point: later payments, reversals and sub-allocations are not in it.
    const { reads, position } = await timeTravel(this.ledger.reads, q.at);
    const trace = await allocationTrace(reads, q.id, q.principal);
    return position === null ? trace : { ...trace, at: readPoint(q.at, position) };
  }
}

@ApiTags('trace')
@ApiBearerAuth()
@Controller('api/v1')
export class TraceController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    summary: 'Trace a payment up to the top-level allocation',
    description:
      "The chain of allocations from the top-level grant down to the one that paid, each with its decision and its balance just after the payment; an ancestor outside the caller's scope is named only. Then the payment itself, with its reversal if any.",
    ok: DisbursementTraceDto,
    errors: [...READ_ERRORS, 403, 404, 501],
  })
  @Get('disbursements/:id/trace')
  disbursement(@Param('id') id: string, @QueryParams() at: TimeTravelQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetDisbursementTraceQuery(id, req.principal!, at));
  }

  @ApiDoc({
    summary: 'Trace an allocation down to every payment',
    description:
      'The tree below an allocation down to every disbursement and reversal; each node is checked against its children and its own payments (`reconciles`, `discrepancies`), and the nodes that do not reconcile are listed in `unreconciled`.',
    ok: AllocationTraceDto,
    errors: [...READ_ERRORS, 403, 404, 501],
  })
  @Get('allocations/:id/trace')
  allocation(@Param('id') id: string, @QueryParams() at: TimeTravelQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetAllocationTraceQuery(id, req.principal!, at));
  }
}

@Module({ controllers: [TraceController], providers: [GetDisbursementTraceHandler, GetAllocationTraceHandler] })
export class TraceModule {}
