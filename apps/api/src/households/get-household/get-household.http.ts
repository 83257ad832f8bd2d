import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiDoc, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { TimeTravelQueryDto } from '../../http/query.dto';
import { GetHouseholdQuery } from './get-household.query';
import { HouseholdViewDto } from './get-household.dto';
@ApiTags('households')
@ApiBearerAuth()
@Controller('api/v1/households')
export class GetHouseholdController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    operationId: 'HouseholdsController_get',
    summary: 'A household, its current class and its history',
    description:
      'Every assessment and reclassification, oldest first, with the current class (of the latest review year). `asOf`/`atPosition` read it as it was.',
    ok: HouseholdViewDto,
    errors: [...READ_ERRORS, 403, 404, 501],
  })
  @Get(':id')
  get(@Param('id') id: string, @Query() at: TimeTravelQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetHouseholdQuery(id, req.principal!, at));
  }
}
