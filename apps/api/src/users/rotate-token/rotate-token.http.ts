import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseRotateUserToken, type AppContext } from '../../../../../libs/ledger/src';
import { ApiDoc, WRITE_ERRORS } from '../../http/openapi';
import { Ctx } from '../../http/request-context';
import { RotateTokenCommand } from './rotate-token.command';
import { RotateTokenDto, TokenRotatedDto } from './rotate-token.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class RotateTokenController {
  constructor(private readonly commands: CommandBus) {}

  @ApiDoc({
    operationId: 'UsersController_rotate',
    summary: "Rotate a user's token",
    description:
      'An admin only, with a `reason`; `expiresAt` (optional) is when the new token stops working. The new token is in this answer only (the ledger keeps its SHA-256); the previous one answers 401 from this answer on. Recorded as `UserTokenRotated`. Idempotency-Key is not honoured: a retry would need the token again, which is not kept.',
    created: TokenRotatedDto,
    errors: [...WRITE_ERRORS, 404],
  })
  @Post(':id/token')
  @HttpCode(201)
  rotate(@Param('id') id: string, @Body() body: RotateTokenDto, @Ctx() ctx: AppContext): Promise<TokenRotatedDto> {
    return this.commands.execute(new RotateTokenCommand(id, parseRotateUserToken(body), ctx));
  }
}
