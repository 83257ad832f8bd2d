import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseReverseDisbursement, type AppContext } from '../../../../../libs/ledger/src';
import { ApiDoc, WRITE_ERRORS } from '../../http/openapi';
import { Ctx } from '../../http/request-context';
import { DisbursementCreatedDto } from '../disbursement.dto';
import { ReverseDisbursementCommand } from './reverse-disbursement.command';
import { ReverseDisbursementDto } from './reverse-disbursement.dto';

@ApiTags('allocations')
@ApiBearerAuth()
@Controller('api/v1')
export class ReverseDisbursementController {
  constructor(private readonly commands: CommandBus) {}

  @ApiDoc({
    operationId: 'AllocationsController_reverse',
    summary: 'Reverse a payment',
    description:
      "The payment stays in the log; a reversal event gives its amount back to the allocation from `valueDate` (default: today in Asia/Ho_Chi_Minh; not before the payment's). A payment is reversed once (409 ALREADY_REVERSED).",
    created: DisbursementCreatedDto,
    errors: [...WRITE_ERRORS, 404, 409],
    idempotent: true,
  })
  @Post('disbursements/:id/reversal')
  @HttpCode(201)
  reverse(@Param('id') id: string, @Body() body: ReverseDisbursementDto, @Ctx() ctx: AppContext): Promise<DisbursementCreatedDto> {
    return this.commands.execute(new ReverseDisbursementCommand(id, parseReverseDisbursement(body), ctx));
  }
}
