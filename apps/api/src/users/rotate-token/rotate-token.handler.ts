import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { rotateUserToken } from '../../../../../libs/ledger/src';
import { hashToken } from '../../http/auth.guard';
import { LedgerService } from '../../ledger/ledger.service';
import { newToken, withoutRetryKey } from '../issued-token';
import { RotateTokenCommand, type TokenRotated } from './rotate-token.command';

@CommandHandler(RotateTokenCommand)
export class RotateTokenHandler implements ICommandHandler<RotateTokenCommand> {
  constructor(private readonly ledger: LedgerService) {}
  async execute(c: RotateTokenCommand): Promise<TokenRotated> {
    const token = newToken();
    // A fresh token always differs from the current one, so the rotation is always recorded.
    const rotated = (await rotateUserToken(this.ledger.runner, c.userId, c.input, hashToken(token), withoutRetryKey(c.ctx)))!;
    return { id: rotated.id, token, expiresAt: rotated.expiresAt, position: rotated.position };
  }
}
