import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { PageQueryDto } from '../../http/query.dto';
import { ListUsersQuery } from './list-users.query';
import { UserPageDto } from './list-users.dto';
@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class ListUsersController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    operationId: 'UsersController_list',
    summary: 'List users',
    description:
      'Everyone who may sign in, by id, with role, units, whether active, and when their token expires and was last rotated (never a token or its hash). Administrators only: 403 for anyone else.',
  })
  @ApiOkResponse({ type: UserPageDto })
  @ApiErrors(...READ_ERRORS, 403, 501)
  list(@Query() query: PageQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new ListUsersQuery(query, req.principal!));
  }
}
