import { Command } from '@nestjs/cqrs';
import type { AppContext, RegisterUserInput } from '../../../../../libs/ledger/src';

export type UserCreated = Readonly<{ id: string; token: string; expiresAt: string | null; position: number }>;

export class RegisterUserCommand extends Command<UserCreated> {
  constructor(
    readonly input: RegisterUserInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
