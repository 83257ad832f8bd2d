import { randomBytes } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { registerUser } from '../../../../../libs/ledger/src';
import { hashToken } from '../../http/auth.guard';
import { LedgerService } from '../../ledger/ledger.service';
import { RegisterUserCommand } from './register-user.command';

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
