import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiDoc, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { TimeTravelQueryDto } from '../../http/query.dto';
import { ApprovalPolicyDto } from './approval-policy.dto';
import { GetApprovalPolicyQuery } from './get-approval-policy.query';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('api/v1')
export class GetApprovalPolicyController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    operationId: 'GetApprovalPolicyController_get',
    summary: 'The approval policy in force for a unit',
    description:
      "The unit's own policy, or else its nearest ancestor's (`policy.unit` says whose); `policy: null` when none is in force. `asOf`/`atPosition` read it as it was.",
    ok: ApprovalPolicyDto,
    errors: [...READ_ERRORS, 404, 501],
  })
  @Get('units/:code/approval-policy')
  get(@Param('code') code: string, @Query() at: TimeTravelQueryDto, @Req() req: AuthenticatedRequest): Promise<ApprovalPolicyDto> {
    return this.queries.execute(new GetApprovalPolicyQuery(code, req.principal!, at));
  }
}
