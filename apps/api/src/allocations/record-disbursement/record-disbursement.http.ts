import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseRecordDisbursement, type AppContext } from '../../../../../libs/ledger/src';
import { ApiDoc, WRITE_ERRORS } from '../../http/openapi';
import { Ctx } from '../../http/request-context';
import { RecordDisbursementCommand } from './record-disbursement.command';
import { DisbursementRecordedDto, RecordDisbursementDto } from './record-disbursement.dto';

@ApiTags('allocations')
@ApiBearerAuth()
@Controller('api/v1')
export class RecordDisbursementController {
  constructor(private readonly commands: CommandBus) {}

  @ApiDoc({
    operationId: 'AllocationsController_disburse',
    summary: 'Record a payment from an allocation',
    description:
      "A disbursement of `amount` whole đồng valued on `valueDate` (not later than today in Asia/Ho_Chi_Minh) against a voucher, by a finance officer of the allocation's unit. Refused (409 INSUFFICIENT_FUNDS) beyond what is available; a disbursement id is unique across the ledger (409 ALREADY_EXISTS). At or above the threshold of the approval policy in force for the unit it is a request (`status: pending`, DisbursementRequested): its amount is reserved at once and paid when another finance officer approves it (POST /disbursements/{id}/approval).",
    created: DisbursementRecordedDto,
    errors: [...WRITE_ERRORS, 404, 409],
    idempotent: true,
  })
  @Post('allocations/:id/disbursements')
  @HttpCode(201)
  disburse(@Param('id') id: string, @Body() body: RecordDisbursementDto, @Ctx() ctx: AppContext): Promise<DisbursementRecordedDto> {
    return this.commands.execute(new RecordDisbursementCommand(id, parseRecordDisbursement(body), ctx));
  }
}
