import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppContext } from '../../../../libs/ledger/src';
import { Ctx } from '../http/request-context';
import type { AuthenticatedRequest } from '../http/principal';
import { ConsistentReadQuery } from '../http/query.dto';
import { RegisterUnitDto } from './units.dto';
import { GetUnitQuery, ListUnitsQuery, RegisterUnitCommand } from './units.handlers';
import { UnitPageDto, UnitsQueryDto } from './units.list.dto';

@ApiTags('units')
@ApiBearerAuth()
@Controller('api/v1/units')
export class UnitsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  register(@Body() body: RegisterUnitDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new RegisterUnitCommand(body, ctx));
  }

  @Get()
  @ApiOperation({
    summary: 'List units',
    description: "The units in the caller's scope (its units and everything below them; every unit for an administrator or inspector) in tree order, or with `parent` that unit's children. A parent outside the scope is refused as an unknown one (400 UNKNOWN_REFERENCE).",
  })
  @ApiOkResponse({ type: UnitPageDto })
  list(@Query() query: UnitsQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new ListUnitsQuery(query, req.principal!));
  }

  @Get(':code')
  get(@Param('code') code: string, @Query() _query: ConsistentReadQuery, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetUnitQuery(code, req.principal!));
  }
}
