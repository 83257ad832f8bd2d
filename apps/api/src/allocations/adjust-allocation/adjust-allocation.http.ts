import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseAdjustAllocation, type AppContext } from '../../../../../libs/ledger/src';
import { ApiDoc, WRITE_ERRORS } from '../../http/openapi';
import { Ctx } from '../../http/request-context';
import { CreatedDto } from '../../http/responses';
import { AdjustAllocationCommand } from './adjust-allocation.command';
import { AdjustAllocationDto } from './adjust-allocation.dto';

@ApiTags('allocations')
@ApiBearerAuth()
@Controller('api/v1')
export class AdjustAllocationController {
  constructor(private readonly commands: CommandBus) {}

  @ApiDoc({
    operationId: 'AllocationsController_adjust',
    summary: 'Adjust an allocation up or down',
    description:
      "A signed `delta` in whole đồng under a decision, with a reason, decided by whoever granted the allocation. A sub-allocation's increase comes from its parent (409 if the parent lacks it); a reduction goes back to it and may not go below what is committed (409 BELOW_COMMITTED).",
    created: CreatedDto,
    errors: [...WRITE_ERRORS, 404, 409],
    idempotent: true,
  })
  @Post('allocations/:id/adjustments')
  @HttpCode(201)
  adjust(@Param('id') id: string, @Body() body: AdjustAllocationDto, @Ctx() ctx: AppContext): Promise<CreatedDto> {
    return this.commands.execute(new AdjustAllocationCommand(id, parseAdjustAllocation(body), ctx));
  }
}
