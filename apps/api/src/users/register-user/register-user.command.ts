import { Command } from '@nestjs/cqrs';
import type { registerUser, AppContext, RegisterUserInput } from '../../../../../libs/ledger/src';

export class RegisterUserCommand extends Command<Awaited<ReturnType<typeof registerUser>> & Readonly<{ token: string }>> {
  constructor(readonly input: RegisterUserInput, readonly ctx: AppContext) {
    super();
  }
}
