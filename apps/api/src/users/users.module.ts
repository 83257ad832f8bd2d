import { randomBytes } from 'node:crypto';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES } from '../../../../libs/domain/src';
import { registerUser, type AppContext } from '../../../../libs/ledger/src';
import { hashToken } from '../http/auth.guard';
import { Ctx } from '../http/request-context';
import { LedgerService } from '../ledger/ledger.service';
import { ApiDoc, WRITE_ERRORS } from '../http/openapi';
import { UserCreatedDto } from './users.responses';

export class RegisterUserDto {
  @ApiProperty({ example: 'lc-finance' }) @IsString() @MaxLength(128) id!: string;
  @ApiProperty({ example: 'Nguyễn Văn A' }) @IsString() @MaxLength(200) name!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) @IsIn(ROLES) role!: string;
  @ApiPropertyOptional({ example: ['LAI-CHAU'] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) units?: string[];
}

export class RegisterUserCommand extends Command<{ id: string; token: string; position: number }> {
  constructor(readonly input: RegisterUserDto, readonly ctx: AppContext) {
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

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly commands: CommandBus) {}

  @ApiDoc({
    summary: 'Register a user and issue their token',
    description: 'An admin only. `units` scope what the user may read and write (none for an admin or an inspector). The token is in this answer only; the ledger keeps its SHA-256. Idempotency-Key is not honoured here: a retry would need the token again, which is not kept.',
    created: UserCreatedDto,
    errors: [...WRITE_ERRORS, 409],
  })
  @Post()
  @HttpCode(201)
  register(@Body() body: RegisterUserDto, @Ctx() ctx: AppContext) {
    return this.commands.execute(new RegisterUserCommand(body, ctx));
  }
}

@Module({ controllers: [UsersController], providers: [RegisterUserHandler] })
export class UsersModule {}
