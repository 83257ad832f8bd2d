import { randomBytes } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Module, Post, Query as QueryParams, Req } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, Query, QueryBus, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES, type Principal } from '../../../../libs/domain/src';
import { listUsers, me, parseRegisterUser, registerUser, type AppContext, type PageQuery, type RegisterUserInput } from '../../../../libs/ledger/src';
import { hashToken } from '../http/auth.guard';
import type { AuthenticatedRequest } from '../http/principal';
import { ConsistentReadQuery, PageQueryDto } from '../http/query.dto';
import { Ctx } from '../http/request-context';
import { MeDto, UserPageDto } from './users.list.dto';
import { LedgerService } from '../ledger/ledger.service';
import { ApiDoc, ApiErrors, READ_ERRORS, WRITE_ERRORS } from '../http/openapi';
import { UserCreatedDto } from './users.responses';

export class RegisterUserDto {
  @ApiProperty({ example: 'lc-finance' }) @IsString() @MaxLength(128) id!: string;
  @ApiProperty({ example: 'Nguyễn Văn A' }) @IsString() @MaxLength(200) name!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) @IsIn(ROLES) role!: string;
  @ApiPropertyOptional({ example: ['LAI-CHAU'], description: 'the units whose subtrees the user covers: required for finance officers, social officers and supervisors; an inspector with units reads only them (a provincial inspectorate), without units everything (national); ignored for an administrator' }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) units?: string[];
}

export class RegisterUserCommand extends Command<{ id: string; token: string; position: number }> {
  constructor(readonly input: RegisterUserInput, readonly ctx: AppContext) {
    super();
  }
}

/** The token is shown once, in this response; the log keeps only its hash. */
@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand> {
  constructor(private readonly ledger: LedgerService) {}
  async execute(c: RegisterUserCommand) {
    const token = randomBytes(32).toString('base64url');
    const created = await registerUser(this.ledger.runner, this.ledger.reads, c.input, hashToken(token), { ...c.ctx, idempotency: null, idempotencyKey: null });
    return { ...created, token };
  }
}

export class ListUsersQuery extends Query<unknown> {
  constructor(readonly query: PageQuery, readonly principal: Principal) {
    super();
  }
}

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: ListUsersQuery) {
    return listUsers(this.ledger.reads, q.query, q.principal);
  }
}

export class GetMeQuery extends Query<unknown> {
  constructor(readonly principal: Principal) {
    super();
  }
}

@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<GetMeQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetMeQuery) {
    return me(this.ledger.reads, q.principal);
  }
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List users', description: 'Everyone who may sign in, by id, with role and units (never a token or its hash). Administrators only: 403 for anyone else.' })
  @ApiOkResponse({ type: UserPageDto })
  @ApiErrors(...READ_ERRORS, 403, 501)
  list(@QueryParams() query: PageQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new ListUsersQuery(query, req.principal!));
  }

  @ApiDoc({
    summary: 'Register a user and issue their token',
    description: 'An admin only. `units` scope what the user may read and write (none for an admin or an inspector). The token is in this answer only; the ledger keeps its SHA-256. Idempotency-Key is not honoured here: a retry would need the token again, which is not kept.',
    created: UserCreatedDto,
    errors: [...WRITE_ERRORS, 409],
  })
  @Post()
  @HttpCode(201)
  register(@Body() body: RegisterUserDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new RegisterUserCommand(parseRegisterUser(body), ctx));
  }
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/me')
export class MeController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Who am I', description: "The caller, as its token identifies it: id, name, role and the units whose subtrees it covers." })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(...READ_ERRORS)
  get(@QueryParams() _query: ConsistentReadQuery, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetMeQuery(req.principal!));
  }
}

@Module({ controllers: [UsersController, MeController], providers: [RegisterUserHandler, ListUsersHandler, GetMeHandler] })
export class UsersModule {}
