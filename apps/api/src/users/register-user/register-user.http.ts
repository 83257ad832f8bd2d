import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseRegisterUser, type AppContext } from '../../../../../libs/ledger/src';
import { ApiDoc, WRITE_ERRORS } from '../../http/openapi';
import { Ctx } from '../../http/request-context';
import { RegisterUserCommand } from './register-user.command';
import { RegisterUserDto, UserCreatedDto } from './register-user.dto';
@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class RegisterUserController {
  constructor(private readonly commands: CommandBus) {}

  @ApiDoc({
    operationId: 'UsersController_register',
    summary: 'Register a user and issue their token',
    description:
      'An admin only. `units` scope what the user may read and write (none for an admin or an inspector); `expiresAt` (optional) is when the token stops working. The token is in this answer only; the ledger keeps its SHA-256. Idempotency-Key is not honoured here: a retry would need the token again, which is not kept.',
    created: UserCreatedDto,
    errors: [...WRITE_ERRORS, 409],
  })
  @Post()
  @HttpCode(201)
  register(@Body() body: RegisterUserDto, @Ctx() ctx: AppContext): Promise<UserCreatedDto> {
    return this.commands.execute(new RegisterUserCommand(parseRegisterUser(body), ctx));
  }
}
