import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { AppContext } from '../../../../libs/ledger/src';
import type { AuthenticatedRequest } from '../http/principal';
import { TimeTravelQueryDto } from '../http/query.dto';
import { Ctx } from '../http/request-context';
import { AdjustAllocationDto, GrantAllocationDto, RecordDisbursementDto, ReverseDisbursementDto } from './allocations.dto';
import {
  AdjustAllocationCommand,
  GetAllocationQuery,
  GetBalancesQuery,
  GrantAllocationCommand,
  RecordDisbursementCommand,
  ReverseDisbursementCommand,
} from './allocations.handlers';
import { BalancesQueryDto } from './allocations.query';

@ApiTags('allocations')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1')
export class AllocationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('allocations')
  @HttpCode(201)
  grant(@Body() body: GrantAllocationDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new GrantAllocationCommand(body, ctx));
  }

  @Post('allocations/:id/adjustments')
  @HttpCode(201)
  adjust(@Param('id') id: string, @Body() body: AdjustAllocationDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new AdjustAllocationCommand(id, body, ctx));
  }

  @Post('allocations/:id/disbursements')
  @HttpCode(201)
  disburse(@Param('id') id: string, @Body() body: RecordDisbursementDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new RecordDisbursementCommand(id, body, ctx));
  }

  @Post('disbursements/:id/reversal')
  @HttpCode(201)
  reverse(@Param('id') id: string, @Body() body: ReverseDisbursementDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new ReverseDisbursementCommand(id, body, ctx));
  }

  @Get('allocations/:id')
  get(@Param('id') id: string, @Query() at: TimeTravelQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetAllocationQuery(id, req.principal!, at));
  }

  @Get('balances')
  balances(@Query() query: BalancesQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetBalancesQuery(query, req.principal!));
  }
}
