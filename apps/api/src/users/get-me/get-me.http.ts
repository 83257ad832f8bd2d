import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { ConsistentReadQuery } from '../../http/query.dto';
import { GetMeQuery } from './get-me.query';
import { MeDto } from './get-me.dto';
@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/me')
export class GetMeController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    operationId: 'MeController_get',
    summary: 'Who am I',
    description: 'The caller, as its token identifies it: id, name, role, the units whose subtrees it covers, and when its token expires.',
  })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(...READ_ERRORS)
  get(@Query() _query: ConsistentReadQuery, @Req() req: AuthenticatedRequest): Promise<MeDto> {
    return this.queries.execute(new GetMeQuery(req.principal!));
  }
}
