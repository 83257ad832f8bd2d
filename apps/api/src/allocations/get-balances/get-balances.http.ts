import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiDoc, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { GetBalancesQuery } from './get-balances.query';
import { BalancesDto, BalancesQueryDto } from './get-balances.dto';

@ApiTags('allocations')
@ApiBearerAuth()
@Controller('api/v1')
export class GetBalancesController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    operationId: 'AllocationsController_balances',
    summary: 'Balances, filtered and grouped',
    description:
      "Sums over the allocations in the caller's scope that match the filters, each đồng counted once: an allocation contributes what it kept (allocated − passed down) and what it paid itself. `groupBy` gives one row per group; `valueDate` counts only payments and reversals valued by then; `asOf`/`atPosition` read the books as they were known.",
    ok: BalancesDto,
    errors: [...READ_ERRORS, 403, 501],
  })
  @Get('balances')
  balances(@Query() query: BalancesQueryDto, @Req() req: AuthenticatedRequest): Promise<BalancesDto> {
    return this.queries.execute(new GetBalancesQuery(query, req.principal!));
  }
}
