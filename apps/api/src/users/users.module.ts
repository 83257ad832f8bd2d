import { Module } from '@nestjs/common';
import { ChangeUserStatusHandler } from './change-user-status/change-user-status.handler';
import { ChangeUserStatusController } from './change-user-status/change-user-status.http';
import { GetMeHandler } from './get-me/get-me.handler';
import { GetMeController } from './get-me/get-me.http';
import { ListUsersHandler } from './list-users/list-users.handler';
import { ListUsersController } from './list-users/list-users.http';
import { RegisterUserHandler } from './register-user/register-user.handler';
import { RegisterUserController } from './register-user/register-user.http';
import { RotateTokenHandler } from './rotate-token/rotate-token.handler';
import { RotateTokenController } from './rotate-token/rotate-token.http';

@Module({
  controllers: [ListUsersController, RegisterUserController, RotateTokenController, ChangeUserStatusController, GetMeController],
  providers: [RegisterUserHandler, RotateTokenHandler, ChangeUserStatusHandler, ListUsersHandler, GetMeHandler],
})
export class UsersModule {}
