import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiDoc, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { TimeTravelQueryDto } from '../../http/query.dto';
import { AllocationTraceDto } from '../trace.dto';
import { GetAllocationTraceQuery } from './trace-allocation.query';

@ApiTags('trace')
@ApiBearerAuth()
@Controller('api/v1')
export class GetAllocationTraceController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    operationId: 'TraceController_allocation',
    summary: 'Trace an allocation down to every payment',
    description:
      'The tree below an allocation down to every disbursement and reversal; each node is checked against its children and its own payments (`reconciles`, `discrepancies`), and the nodes that do not reconcile are listed in `unreconciled`.',
    ok: AllocationTraceDto,
    errors: [...READ_ERRORS, 403, 404, 501],
  })
  @Get('allocations/:id/trace')
  allocation(@Param('id') id: string, @Query() at: TimeTravelQueryDto, @Req() req: AuthenticatedRequest): Promise<AllocationTraceDto> {
    return this.queries.execute(new GetAllocationTraceQuery(id, req.principal!, at));
  }
}
