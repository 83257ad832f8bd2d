import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseApproveRequest, type AppContext } from '../../../../../libs/ledger/src';
import { ApiDoc, WRITE_ERRORS } from '../../http/openapi';
import { Ctx } from '../../http/request-context';
import { RequestDecidedDto } from '../payment-request.dto';
import { ApproveRequestCommand } from './approve-request.command';
import { ApproveRequestDto } from './approve-request.dto';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('api/v1')
export class ApproveRequestController {
  constructor(private readonly commands: CommandBus) {}

  @ApiDoc({
    operationId: 'ApproveRequestController_approve',
    summary: 'Approve a payment request',
    description:
      "By a finance officer of the allocation's unit or of the unit above it, other than the maker (403 SEPARATION_OF_DUTIES): records DisbursementApproved, and the reserved amount becomes a payment valued on the requested `valueDate`. A request no longer pending answers 409 ALREADY_DECIDED; of concurrent approvals exactly one is recorded.",
    created: RequestDecidedDto,
    errors: [...WRITE_ERRORS, 404, 409],
    idempotent: true,
  })
  @Post('disbursements/:id/approval')
  @HttpCode(201)
  approve(@Param('id') id: string, @Body() body: ApproveRequestDto, @Ctx() ctx: AppContext): Promise<RequestDecidedDto> {
    return this.commands.execute(new ApproveRequestCommand(id, parseApproveRequest(body), ctx));
  }
}
