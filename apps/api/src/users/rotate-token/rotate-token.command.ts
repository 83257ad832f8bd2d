import { Command } from '@nestjs/cqrs';
import type { AppContext, RotateUserTokenInput } from '../../../../../libs/ledger/src';

export type TokenRotated = Readonly<{ id: string; token: string; expiresAt: string | null; position: number }>;

export class RotateTokenCommand extends Command<TokenRotated> {
  constructor(
    readonly userId: string,
    readonly input: RotateUserTokenInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
