import { Body, Controller, Get, HttpCode, Module, Param, Post, Query as QueryParams, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseRegisterUser, parseRotateUserToken, parseUserStatusChange, type AppContext } from '../../../../libs/ledger/src';
import type { AuthenticatedRequest } from '../http/principal';
import { ConsistentReadQuery, PageQueryDto } from '../http/query.dto';
import { Ctx } from '../http/request-context';
import { ApiDoc, ApiErrors, READ_ERRORS, WRITE_ERRORS } from '../http/openapi';
import { CreatedDto } from '../http/responses';
import { MeDto, UserPageDto } from './users.list.dto';
import { RegisterUserDto, RotateTokenDto, UserStatusChangeDto } from './users.dto';
import { TokenRotatedDto, UserCreatedDto } from './users.responses';
import {
  ChangeUserStatusCommand,
  ChangeUserStatusHandler,
  GetMeHandler,
  GetMeQuery,
  ListUsersHandler,
  ListUsersQuery,
  RegisterUserCommand,
  RegisterUserHandler,
  RotateTokenCommand,
  RotateTokenHandler,
} from './users.handlers';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List users',
    description:
      'Everyone who may sign in, by id, with role, units, whether active, and when their token expires and was last rotated (never a token or its hash). Administrators only: 403 for anyone else.',
  })
  @ApiOkResponse({ type: UserPageDto })
  @ApiErrors(...READ_ERRORS, 403, 501)
  list(@QueryParams() query: PageQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new ListUsersQuery(query, req.principal!));
  }

  @ApiDoc({
    summary: 'Register a user and issue their token',
    description:
      'An admin only. `units` scope what the user may read and write (none for an admin or an inspector); `expiresAt` (optional) is when the token stops working. The token is in this answer only; the ledger keeps its SHA-256. Idempotency-Key is not honoured here: a retry would need the token again, which is not kept.',
    created: UserCreatedDto,
    errors: [...WRITE_ERRORS, 409],
  })
  @Post()
  @HttpCode(201)
  register(@Body() body: RegisterUserDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new RegisterUserCommand(parseRegisterUser(body), ctx));
  }

  @ApiDoc({
    summary: "Rotate a user's token",
    description:
      'An admin only, with a `reason`; `expiresAt` (optional) is when the new token stops working. The new token is in this answer only (the ledger keeps its SHA-256); the previous one answers 401 from this answer on. Recorded as `UserTokenRotated`. Idempotency-Key is not honoured: a retry would need the token again, which is not kept.',
    created: TokenRotatedDto,
    errors: [...WRITE_ERRORS, 404],
  })
  @Post(':id/token')
  @HttpCode(201)
  rotate(@Param('id') id: string, @Body() body: RotateTokenDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new RotateTokenCommand(id, parseRotateUserToken(body), ctx));
  }

  @ApiDoc({
    summary: 'Deactivate a user',
    description:
      "An admin only, with a `reason`. The user's token answers 401 from this answer on; the user and everything they recorded stay. Refused with 409 ALREADY_DEACTIVATED if already deactivated, and 409 LAST_ACTIVE_ADMIN for the last active administrator. Recorded as `UserDeactivated`.",
    created: CreatedDto,
    errors: [...WRITE_ERRORS, 404, 409],
    idempotent: true,
  })
  @Post(':id/deactivation')
  @HttpCode(201)
  deactivate(@Param('id') id: string, @Body() body: UserStatusChangeDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new ChangeUserStatusCommand('deactivate', id, parseUserStatusChange(body), ctx));
  }

  @ApiDoc({
    summary: 'Reactivate a user',
    description:
      "An admin only, with a `reason`. The user's current token works again (unless it has expired). Refused with 409 ALREADY_ACTIVE for an active user. Recorded as `UserReactivated`.",
    created: CreatedDto,
    errors: [...WRITE_ERRORS, 404, 409],
    idempotent: true,
  })
  @Post(':id/reactivation')
  @HttpCode(201)
  reactivate(@Param('id') id: string, @Body() body: UserStatusChangeDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new ChangeUserStatusCommand('reactivate', id, parseUserStatusChange(body), ctx));
  }
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/me')
export class MeController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Who am I',
    description: 'The caller, as its token identifies it: id, name, role, the units whose subtrees it covers, and when its token expires.',
  })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(...READ_ERRORS)
  get(@QueryParams() _query: ConsistentReadQuery, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetMeQuery(req.principal!));
  }
}

@Module({
  controllers: [UsersController, MeController],
  providers: [RegisterUserHandler, RotateTokenHandler, ChangeUserStatusHandler, ListUsersHandler, GetMeHandler],
})
export class UsersModule {}
