import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiDoc, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { ListUnitsQuery } from './list-units.query';
import { UnitPageDto, UnitsQueryDto } from './list-units.dto';
@ApiTags('units')
@ApiBearerAuth()
@Controller('api/v1/units')
export class ListUnitsController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    operationId: 'UnitsController_list',
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
}
