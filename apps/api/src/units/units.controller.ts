import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AppContext } from '../../../../libs/ledger/src';
import { Ctx } from '../http/request-context';
import type { AuthenticatedRequest } from '../http/principal';
import { ConsistentReadQuery } from '../http/query.dto';
import { RegisterUnitDto } from './units.dto';
import { GetUnitQuery, RegisterUnitCommand } from './units.handlers';

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

  @Get(':code')
  get(@Param('code') code: string, @Query() _query: ConsistentReadQuery, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetUnitQuery(code, req.principal!));
  }
}
