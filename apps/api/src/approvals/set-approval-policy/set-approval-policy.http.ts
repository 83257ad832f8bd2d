import { Body, Controller, HttpCode, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseSetApprovalPolicy, type AppContext } from '../../../../../libs/ledger/src';
import { ApiDoc, WRITE_ERRORS } from '../../http/openapi';
import { Ctx } from '../../http/request-context';
import { ApprovalPolicySetDto } from '../get-approval-policy/approval-policy.dto';
import { SetApprovalPolicyCommand } from './set-approval-policy.command';
import { SetApprovalPolicyDto } from './set-approval-policy.dto';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('api/v1')
export class SetApprovalPolicyController {
  constructor(private readonly commands: CommandBus) {}

  @ApiDoc({
    operationId: 'SetApprovalPolicyController_set',
    summary: "Set or remove a unit's approval policy (maker-checker)",
    description:
      "Records ApprovalPolicySet: payments of the unit (and of units below it without a policy of their own) of `threshold` đồng or more, recorded from now on, wait for a second finance officer's approval. By a finance officer of the unit above, or an admin. `threshold: null` removes the unit's own policy (an ancestor's applies again). The same policy under the same decision again records nothing. Answers the policy then in force.",
    ok: ApprovalPolicySetDto,
    errors: [...WRITE_ERRORS, 404],
  })
  @Put('units/:code/approval-policy')
  @HttpCode(200)
  set(@Param('code') code: string, @Body() body: SetApprovalPolicyDto, @Ctx() ctx: AppContext): Promise<ApprovalPolicySetDto> {
    return this.commands.execute(new SetApprovalPolicyCommand(code, parseSetApprovalPolicy(body), ctx));
  }
}
