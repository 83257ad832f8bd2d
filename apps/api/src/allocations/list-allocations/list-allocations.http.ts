import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { ListAllocationsQuery } from './list-allocations.query';
import { AllocationPageDto, AllocationsQueryDto } from './list-allocations.dto';

/** Discovery: the allocations a reader may see, cursor-paged at one log position. */
@ApiTags('allocations')
@ApiBearerAuth()
@Controller('api/v1')
export class ListAllocationsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('allocations')
  @ApiOperation({
    operationId: 'AllocationListsController_list',
    summary: 'List allocations',
    description:
      "The allocations in the caller's scope, by id, with the figures of GET /allocations/{id}. `unit` keeps a unit's subtree; the budget-line filters and `parentId` match exactly.",
  })
  @ApiOkResponse({ type: AllocationPageDto })
  @ApiErrors(...READ_ERRORS, 403, 501)
  list(@Query() query: AllocationsQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new ListAllocationsQuery(query, req.principal!));
  }
}
