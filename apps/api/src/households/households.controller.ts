import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { AppContext } from '../../../../libs/ledger/src';
import type { AuthenticatedRequest } from '../http/principal';
import { TimeTravelQueryDto } from '../http/query.dto';
import { Ctx } from '../http/request-context';
import { AssessHouseholdDto, RegisterHouseholdDto } from './households.dto';
import { HouseholdStatsQueryDto } from './households.query';
import { AssessHouseholdCommand, GetHouseholdQuery, GetHouseholdStatsQuery, RegisterHouseholdCommand } from './households.handlers';

@ApiTags('households')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/households')
export class HouseholdsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  register(@Body() body: RegisterHouseholdDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new RegisterHouseholdCommand(body, ctx));
  }

  @Post(':id/assessments')
  @HttpCode(201)
  assess(@Param('id') id: string, @Body() body: AssessHouseholdDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new AssessHouseholdCommand(id, body, ctx));
  }

  // Declared before ':id' so that "stats" is not taken for a household id.
  @Get('stats')
  stats(@Query() query: HouseholdStatsQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetHouseholdStatsQuery(query, req.principal!));
  }

  @Get(':id')
  get(@Param('id') id: string, @Query() at: TimeTravelQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetHouseholdQuery(id, req.principal!, at));
  }
}
