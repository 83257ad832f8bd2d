import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { TimeTravelQueryDto } from '../../http/query.dto';
import { GetDisbursementQuery } from './get-disbursement.query';
import { DisbursementReadDto } from './get-disbursement.dto';

@ApiTags('allocations')
@ApiBearerAuth()
@Controller('api/v1')
export class GetDisbursementController {
  constructor(private readonly queries: QueryBus) {}

  @Get('disbursements/:id')
  @ApiOperation({
    operationId: 'AllocationListsController_disbursement',
    summary: 'Read a disbursement',
    description: "One payment, with its reversal if it was reversed. A payment outside the caller's scope answers 404 like an unknown one.",
  })
  @ApiOkResponse({ type: DisbursementReadDto })
  @ApiErrors(...READ_ERRORS, 404, 501)
  disbursement(@Param('id') id: string, @Query() query: TimeTravelQueryDto, @Req() req: AuthenticatedRequest): Promise<DisbursementReadDto> {
    return this.queries.execute(new GetDisbursementQuery(id, query, req.principal!));
  }
}
