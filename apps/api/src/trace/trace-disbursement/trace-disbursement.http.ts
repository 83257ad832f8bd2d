import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiDoc, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { TimeTravelQueryDto } from '../../http/query.dto';
import { DisbursementTraceDto } from '../trace.dto';
import { GetDisbursementTraceQuery } from './trace-disbursement.query';

@ApiTags('trace')
@ApiBearerAuth()
@Controller('api/v1')
export class GetDisbursementTraceController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    operationId: 'TraceController_disbursement',
    summary: 'Trace a payment up to the top-level allocation',
    description:
      "The chain of allocations from the top-level grant down to the one that paid, each with its decision and its balance just after the payment; an ancestor outside the caller's scope is named only. Then the payment itself, with its reversal if any.",
    ok: DisbursementTraceDto,
    errors: [...READ_ERRORS, 403, 404, 501],
  })
  @Get('disbursements/:id/trace')
  disbursement(@Param('id') id: string, @Query() at: TimeTravelQueryDto, @Req() req: AuthenticatedRequest): Promise<DisbursementTraceDto> {
    return this.queries.execute(new GetDisbursementTraceQuery(id, req.principal!, at));
  }
}
