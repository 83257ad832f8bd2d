import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { ListHouseholdsQuery } from './list-households.query';
import { HouseholdPageDto, HouseholdsQueryDto } from './list-households.dto';

@ApiTags('households')
@ApiBearerAuth()
@Controller('api/v1/households')
export class ListHouseholdsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    operationId: 'HouseholdListsController_list',
    summary: 'List households',
    description:
      "The households in the caller's scope, by id. `unit` keeps a unit's subtree; `classification` and `deprivation` ask about the current assessment, or with `reviewYear` about that year's (households not assessed that year are left out); `q` matches the id or the head's name, ignoring case and diacritics.",
  })
  @ApiOkResponse({ type: HouseholdPageDto })
  @ApiErrors(...READ_ERRORS, 403, 501)
  list(@Query() query: HouseholdsQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new ListHouseholdsQuery(query, req.principal!));
  }
}
