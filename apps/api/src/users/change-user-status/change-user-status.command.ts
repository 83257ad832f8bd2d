import { Command } from '@nestjs/cqrs';
import type { AppContext, deactivateUser, reactivateUser, UserStatusInput } from '../../../../../libs/ledger/src';

export class ChangeUserStatusCommand extends Command<Awaited<ReturnType<typeof deactivateUser | typeof reactivateUser>>> {
  constructor(
    readonly change: 'deactivate' | 'reactivate',
    readonly userId: string,
    readonly input: UserStatusInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
