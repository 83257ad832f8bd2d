import { Module } from '@nestjs/common';
import { GetMeHandler } from './get-me/get-me.handler';
import { GetMeController } from './get-me/get-me.http';
import { ListUsersHandler } from './list-users/list-users.handler';
import { ListUsersController } from './list-users/list-users.http';
import { RegisterUserHandler } from './register-user/register-user.handler';
import { RegisterUserController } from './register-user/register-user.http';

@Module({ controllers: [ListUsersController, RegisterUserController, GetMeController], providers: [RegisterUserHandler, ListUsersHandler, GetMeHandler] })
export class UsersModule {}
