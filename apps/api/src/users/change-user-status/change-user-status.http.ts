import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseUserStatusChange, type AppContext } from '../../../../../libs/ledger/src';
import { ApiDoc, WRITE_ERRORS } from '../../http/openapi';
import { Ctx } from '../../http/request-context';
import { CreatedDto } from '../../http/responses';
import { ChangeUserStatusCommand } from './change-user-status.command';
import { UserStatusChangeDto } from './change-user-status.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class ChangeUserStatusController {
  constructor(private readonly commands: CommandBus) {}

  @ApiDoc({
    operationId: 'UsersController_deactivate',
    summary: 'Deactivate a user',
    description:
      "An admin only, with a `reason`. The user's token answers 401 from this answer on; the user and everything they recorded stay. Refused with 409 ALREADY_DEACTIVATED if already deactivated, and 409 LAST_ACTIVE_ADMIN for the last active administrator. Recorded as `UserDeactivated`.",
    created: CreatedDto,
    errors: [...WRITE_ERRORS, 404, 409],
    idempotent: true,
  })
  @Post(':id/deactivation')
  @HttpCode(201)
  deactivate(@Param('id') id: string, @Body() body: UserStatusChangeDto, @Ctx() ctx: AppContext): Promise<CreatedDto> {
    return this.commands.execute(new ChangeUserStatusCommand('deactivate', id, parseUserStatusChange(body), ctx));
  }

  @ApiDoc({
    operationId: 'UsersController_reactivate',
    summary: 'Reactivate a user',
    description:
      "An admin only, with a `reason`. The user's current token works again (unless it has expired). Refused with 409 ALREADY_ACTIVE for an active user. Recorded as `UserReactivated`.",
    created: CreatedDto,
    errors: [...WRITE_ERRORS, 404, 409],
    idempotent: true,
  })
  @Post(':id/reactivation')
  @HttpCode(201)
  reactivate(@Param('id') id: string, @Body() body: UserStatusChangeDto, @Ctx() ctx: AppContext): Promise<CreatedDto> {
    return this.commands.execute(new ChangeUserStatusCommand('reactivate', id, parseUserStatusChange(body), ctx));
  }
}
