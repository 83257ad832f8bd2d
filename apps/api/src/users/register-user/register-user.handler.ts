import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { registerUser } from '../../../../../libs/ledger/src';
import { hashToken } from '../../http/auth.guard';
import { LedgerService } from '../../ledger/ledger.service';
import { newToken, withoutRetryKey } from '../issued-token';
import { RegisterUserCommand, type UserCreated } from './register-user.command';

/** The token is shown once, in this response; the log keeps only its hash. */
@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand> {
  constructor(private readonly ledger: LedgerService) {}
  async execute(c: RegisterUserCommand): Promise<UserCreated> {
    const token = newToken();
    const created = await registerUser(this.ledger.runner, this.ledger.reads, c.input, hashToken(token), withoutRetryKey(c.ctx));
    return { id: created.id, token, expiresAt: created.expiresAt, position: created.position };
  }
}
