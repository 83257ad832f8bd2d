import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiDoc, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { ConsistentReadQuery } from '../../http/query.dto';
import { GetUnitQuery } from './get-unit.query';
import { UnitReadDto } from './get-unit.dto';
@ApiTags('units')
@ApiBearerAuth()
@Controller('api/v1/units')
export class GetUnitController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    operationId: 'UnitsController_get',
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
