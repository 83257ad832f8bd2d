import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppContext, TimeTravelQuery } from '../../../../libs/ledger/src';
import type { AuthenticatedRequest } from '../http/principal';
import { Ctx } from '../http/request-context';
import { AssessHouseholdDto, RegisterHouseholdDto } from './households.dto';
import { AssessHouseholdCommand, GetHouseholdQuery, GetHouseholdStatsQuery, ListHouseholdsQuery, RegisterHouseholdCommand } from './households.handlers';
import { HouseholdPageDto, HouseholdsQueryDto } from './households.list.dto';

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

  @Get()
  @ApiOperation({
    summary: 'List households',
    description:
      "The households in the caller's scope, by id. `unit` keeps a unit's subtree; `classification` and `deprivation` ask about the current assessment, or with `reviewYear` about that year's (households not assessed that year are left out); `q` matches the id or the head's name, ignoring case and diacritics.",
  })
  @ApiOkResponse({ type: HouseholdPageDto })
  list(@Query() query: HouseholdsQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new ListHouseholdsQuery(query, req.principal!));
  }

  // Declared before ':id' so that "stats" is not taken for a household id.
  @Get('stats')
  stats(@Query() query: { unit?: string; reviewYear?: string } & TimeTravelQuery, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetHouseholdStatsQuery(query, req.principal!));
  }

  @Get(':id')
  get(@Param('id') id: string, @Query() at: TimeTravelQuery, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetHouseholdQuery(id, req.principal!, at));
  }
}
