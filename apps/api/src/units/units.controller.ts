import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AppContext } from '../../../../libs/ledger/src';
import { Ctx } from '../http/request-context';
import type { AuthenticatedRequest } from '../http/principal';
import { RegisterUnitDto } from './units.dto';
import { GetUnitQuery, RegisterUnitCommand } from './units.handlers';
import { ApiDoc, READ_ERRORS, WRITE_ERRORS } from '../http/openapi';
import { CreatedDto } from '../http/responses';
import { UnitDto } from './units.responses';

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
    description: 'central → province → district → commune / agency, each under its `parent` (an admin only). The answer\'s `id` is the unit\'s code.',
    created: CreatedDto,
    errors: [...WRITE_ERRORS, 409],
    idempotent: true,
  })
  @Post()
  @HttpCode(201)
  register(@Body() body: RegisterUnitDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new RegisterUnitCommand(body, ctx));
  }

  @ApiDoc({
    summary: 'A unit, its parent, children and ancestors',
    description: "Any unit in the caller's scope (a unit it belongs to, or one below).",
    ok: UnitDto,
    errors: [...READ_ERRORS, 403, 404],
  })
  @Get(':code')
  get(@Param('code') code: string, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetUnitQuery(code, req.principal!));
  }
}
