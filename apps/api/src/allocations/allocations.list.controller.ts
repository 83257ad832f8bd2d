import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../http/principal';
import { PageQueryDto, TimeTravelQueryDto } from '../http/query.dto';
import { AllocationPageDto, AllocationsQueryDto, DisbursementPageDto, DisbursementReadDto } from './allocations.list.dto';
import { GetDisbursementQuery, ListAllocationsQuery, ListDisbursementsQuery } from './allocations.list.handlers';
import { ApiErrors, READ_ERRORS } from '../http/openapi';

/** Discovery: the allocations and payments a reader may see, cursor-paged at one log position. */
@ApiTags('allocations')
@ApiBearerAuth()
@Controller('api/v1')
export class AllocationListsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('allocations')
  @ApiOperation({
    summary: 'List allocations',
    description:
      "The allocations in the caller's scope, by id, with the figures of GET /allocations/{id}. `unit` keeps a unit's subtree; the budget-line filters and `parentId` match exactly.",
  })
  @ApiOkResponse({ type: AllocationPageDto })
  @ApiErrors(...READ_ERRORS, 403, 501)
  list(@Query() query: AllocationsQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new ListAllocationsQuery(query, req.principal!));
  }

  @Get('allocations/:id/disbursements')
  @ApiOperation({
    summary: "List an allocation's disbursements",
    description:
      "The payments recorded against the allocation, in the order they were recorded; a reversed one stays listed, marked `reversed`, with its reversal and reason. An allocation outside the caller's scope answers 404 like an unknown one.",
  })
  @ApiOkResponse({ type: DisbursementPageDto })
  @ApiErrors(...READ_ERRORS, 404, 501)
  disbursements(@Param('id') id: string, @Query() query: PageQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new ListDisbursementsQuery(id, query, req.principal!));
  }

  @Get('disbursements/:id')
  @ApiOperation({
    summary: 'Read a disbursement',
    description: "One payment, with its reversal if it was reversed. A payment outside the caller's scope answers 404 like an unknown one.",
  })
  @ApiOkResponse({ type: DisbursementReadDto })
  @ApiErrors(...READ_ERRORS, 404, 501)
  disbursement(@Param('id') id: string, @Query() query: TimeTravelQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetDisbursementQuery(id, query, req.principal!));
  }
}
