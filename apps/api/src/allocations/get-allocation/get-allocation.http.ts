import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiDoc, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { TimeTravelQueryDto } from '../../http/query.dto';
import { GetAllocationQuery } from './get-allocation.query';
import { AllocationViewDto } from './get-allocation.dto';

@ApiTags('allocations')
@ApiBearerAuth()
@Controller('api/v1')
export class GetAllocationController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    operationId: 'AllocationsController_get',
    summary: 'An allocation and its figures',
    description:
      'Its line, unit, parent, children and decision, with `allocated` (gross), `subAllocated`, `disbursed` (its own, net of reversals), `disbursedTotal` (with everything below it), `available` and `disbursementRate`. `asOf`/`atPosition` read it as it was.',
    ok: AllocationViewDto,
    errors: [...READ_ERRORS, 403, 404, 501],
  })
  @Get('allocations/:id')
  get(@Param('id') id: string, @Query() at: TimeTravelQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetAllocationQuery(id, req.principal!, at));
  }
}
