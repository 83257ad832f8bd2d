import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseWithdrawRequest, type AppContext } from '../../../../../libs/ledger/src';
import { ApiDoc, WRITE_ERRORS } from '../../http/openapi';
import { Ctx } from '../../http/request-context';
import { RequestDecidedDto } from '../payment-request.dto';
import { WithdrawRequestCommand } from './withdraw-request.command';
import { WithdrawRequestDto } from './withdraw-request.dto';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('api/v1')
export class WithdrawRequestController {
  constructor(private readonly commands: CommandBus) {}

  @ApiDoc({
    operationId: 'WithdrawRequestController_withdraw',
    summary: "Withdraw one's own payment request",
    description:
      'By the maker only (403 otherwise): records DisbursementWithdrawn with the reason, and the reservation is released. A request no longer pending answers 409 ALREADY_DECIDED.',
    created: RequestDecidedDto,
    errors: [...WRITE_ERRORS, 404, 409],
    idempotent: true,
  })
  @Post('disbursements/:id/withdrawal')
  @HttpCode(201)
  withdraw(@Param('id') id: string, @Body() body: WithdrawRequestDto, @Ctx() ctx: AppContext): Promise<RequestDecidedDto> {
    return this.commands.execute(new WithdrawRequestCommand(id, parseWithdrawRequest(body), ctx));
  }
}
