import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiDoc, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { GetHouseholdStatsQuery } from './get-household-stats.query';
import { HouseholdStatsDto, HouseholdStatsQueryDto } from './get-household-stats.dto';
/** Registered before GetHouseholdController (households.module.ts), so that "stats" is not taken for a household id. */
@ApiTags('households')
@ApiBearerAuth()
@Controller('api/v1/households')
export class GetHouseholdStatsController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    operationId: 'HouseholdsController_stats',
    summary: 'Poverty statistics over a unit and its subtree',
    description:
      'Households by class, rates in percent and deprivation counts for one review year, in all and for each unit directly below. `asOf`/`atPosition` read them as they were.',
    ok: HouseholdStatsDto,
    errors: [...READ_ERRORS, 403, 501],
  })
  @Get('stats')
  stats(@Query() query: HouseholdStatsQueryDto, @Req() req: AuthenticatedRequest): Promise<HouseholdStatsDto> {
    return this.queries.execute(new GetHouseholdStatsQuery(query, req.principal!));
  }
}
