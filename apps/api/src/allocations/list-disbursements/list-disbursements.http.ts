import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { PageQueryDto } from '../../http/query.dto';
import { ListDisbursementsQuery } from './list-disbursements.query';
import { DisbursementPageDto } from './list-disbursements.dto';

@ApiTags('allocations')
@ApiBearerAuth()
@Controller('api/v1')
export class ListDisbursementsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('allocations/:id/disbursements')
  @ApiOperation({
    operationId: 'AllocationListsController_disbursements',
    summary: "List an allocation's disbursements",
    description:
      "The payments recorded against the allocation, in the order they were recorded; a reversed one stays listed, marked `reversed`, with its reversal and reason. An allocation outside the caller's scope answers 404 like an unknown one.",
  })
  @ApiOkResponse({ type: DisbursementPageDto })
  @ApiErrors(...READ_ERRORS, 404, 501)
  disbursements(@Param('id') id: string, @Query() query: PageQueryDto, @Req() req: AuthenticatedRequest): Promise<DisbursementPageDto> {
    return this.queries.execute(new ListDisbursementsQuery(id, query, req.principal!));
  }
}
