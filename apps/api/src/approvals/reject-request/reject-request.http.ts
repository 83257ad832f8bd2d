import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseRejectRequest, type AppContext } from '../../../../../libs/ledger/src';
import { ApiDoc, WRITE_ERRORS } from '../../http/openapi';
import { Ctx } from '../../http/request-context';
import { RequestDecidedDto } from '../payment-request.dto';
import { RejectRequestCommand } from './reject-request.command';
import { RejectRequestDto } from './reject-request.dto';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('api/v1')
export class RejectRequestController {
  constructor(private readonly commands: CommandBus) {}

  @ApiDoc({
    operationId: 'RejectRequestController_reject',
    summary: 'Reject a payment request',
    description:
      "By a finance officer of the allocation's unit or of the unit above it, other than the maker (403 SEPARATION_OF_DUTIES: the maker withdraws instead): records DisbursementRejected with the reason, and the reservation is released. A request no longer pending answers 409 ALREADY_DECIDED.",
    created: RequestDecidedDto,
    errors: [...WRITE_ERRORS, 404, 409],
    idempotent: true,
  })
  @Post('disbursements/:id/rejection')
  @HttpCode(201)
  reject(@Param('id') id: string, @Body() body: RejectRequestDto, @Ctx() ctx: AppContext): Promise<RequestDecidedDto> {
    return this.commands.execute(new RejectRequestCommand(id, parseRejectRequest(body), ctx));
  }
}
