import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseGrantAllocation, type AppContext } from '../../../../../libs/ledger/src';
import { ApiDoc, WRITE_ERRORS } from '../../http/openapi';
import { Ctx } from '../../http/request-context';
import { CreatedDto } from '../../http/responses';
import { GrantAllocationCommand } from './grant-allocation.command';
import { GrantAllocationDto } from './grant-allocation.dto';

@ApiTags('allocations')
@ApiBearerAuth()
@Controller('api/v1')
export class GrantAllocationController {
  constructor(private readonly commands: CommandBus) {}

  @ApiDoc({
    operationId: 'AllocationsController_grant',
    summary: 'Grant an allocation, or carve a sub-allocation out of one',
    description:
      "Without `parentId`: a top-level grant on a budget line (program, project, subProject, fiscalYear, capitalType, source) by the unit's parent (an admin for a root unit). With `parentId`: the parent allocation's unit passes `amount` down to a unit below it; the line is the parent's. Refused (409) if the parent has not that much available.",
    created: CreatedDto,
    errors: [...WRITE_ERRORS, 409],
    idempotent: true,
  })
  @Post('allocations')
  @HttpCode(201)
  grant(@Body() body: GrantAllocationDto, @Ctx() ctx: AppContext): Promise<CreatedDto> {
    return this.commands.execute(new GrantAllocationCommand(parseGrantAllocation(body), ctx));
  }
}
