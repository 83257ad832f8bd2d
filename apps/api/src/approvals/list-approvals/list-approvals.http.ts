import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiDoc, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { ApprovalPageDto, ApprovalsQueryDto } from './list-approvals.dto';
import { ListApprovalsQuery } from './list-approvals.query';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('api/v1')
export class ListApprovalsController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    operationId: 'ListApprovalsController_list',
    summary: 'Payment requests (maker-checker)',
    description:
      "Payments that waited for a checker, in the caller's scope (a maker also sees their own), in the order requested: the request (allocation, amount, value date, voucher, maker, when) and, once decided, who decided and why. `unit` keeps a unit's subtree, `status` one status. Cursor-paged like every list.",
    ok: ApprovalPageDto,
    errors: [...READ_ERRORS, 501],
  })
  @Get('approvals')
  list(@Query() query: ApprovalsQueryDto, @Req() req: AuthenticatedRequest): Promise<ApprovalPageDto> {
    return this.queries.execute(new ListApprovalsQuery(query, req.principal!));
  }
}
