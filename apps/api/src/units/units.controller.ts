import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseRegisterUnit, type AppContext } from '../../../../libs/ledger/src';
import { Ctx } from '../http/request-context';
import type { AuthenticatedRequest } from '../http/principal';
import { ConsistentReadQuery } from '../http/query.dto';
import { RegisterUnitDto } from './units.dto';
import { GetUnitQuery, ListUnitsQuery, RegisterUnitCommand } from './units.handlers';
import { ApiDoc, READ_ERRORS, WRITE_ERRORS } from '../http/openapi';
import { UnitPageDto, UnitsQueryDto } from './units.list.dto';
import { UnitCreatedDto, UnitReadDto } from './units.responses';

@ApiTags('units')
@ApiBearerAuth()
@Controller('api/v1/units')
export class UnitsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @ApiDoc({
    summary: 'Register a unit of the tree',
    description: "central → province → district → commune / agency, each under its `parent` (an admin only). The answer's `id` is the unit's code.",
    created: UnitCreatedDto,
    errors: [...WRITE_ERRORS, 409],
    idempotent: true,
  })
  @Post()
  @HttpCode(201)
  register(@Body() body: RegisterUnitDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new RegisterUnitCommand(parseRegisterUnit(body), ctx));
  }

  @ApiDoc({
    summary: 'List units',
    description:
      "The units in the caller's scope (its units and everything below them; every unit for an administrator or inspector) in tree order, or with `parent` that unit's children. A parent outside the scope is refused as an unknown one (400 UNKNOWN_REFERENCE).",
    ok: UnitPageDto,
    errors: [...READ_ERRORS, 501],
  })
  @Get()
  list(@Query() query: UnitsQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new ListUnitsQuery(query, req.principal!));
  }

  @ApiDoc({
    summary: 'A unit, its parent, children and ancestors',
    description: "Any unit in the caller's scope (a unit it belongs to, or one below).",
    ok: UnitReadDto,
    errors: [...READ_ERRORS, 403, 404],
  })
  @Get(':code')
  get(@Param('code') code: string, @Query() _query: ConsistentReadQuery, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetUnitQuery(code, req.principal!));
  }
}
