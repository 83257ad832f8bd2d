import { randomBytes } from 'node:crypto';
import { Command, CommandHandler, Query, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Principal } from '../../../../libs/domain/src';
import {
  deactivateUser,
  listUsers,
  me,
  reactivateUser,
  registerUser,
  rotateUserToken,
  type AppContext,
  type PageQuery,
  type RegisterUserInput,
  type RotateUserTokenInput,
  type UserStatusInput,
} from '../../../../libs/ledger/src';
import { hashToken } from '../http/auth.guard';
import { LedgerService } from '../ledger/ledger.service';

/** 32 random bytes: only its SHA-256 is recorded, so it can be shown once and never again. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Idempotency is not honoured where a token is issued: a retry would need the token again, which is not kept. */
const withoutRetryKey = (ctx: AppContext): AppContext => ({ ...ctx, idempotency: null, idempotencyKey: null });

export class RegisterUserCommand extends Command<{ id: string; token: string; expiresAt: string | null; position: number }> {
  constructor(
    readonly input: RegisterUserInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand> {
  constructor(private readonly ledger: LedgerService) {}
  async execute(c: RegisterUserCommand) {
    const token = newToken();
    const created = await registerUser(this.ledger.runner, this.ledger.reads, c.input, hashToken(token), withoutRetryKey(c.ctx));
    return { id: created.id, token, expiresAt: created.expiresAt, position: created.position };
  }
}

export class RotateTokenCommand extends Command<{ id: string; token: string; expiresAt: string | null; position: number }> {
  constructor(
    readonly userId: string,
    readonly input: RotateUserTokenInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}

@CommandHandler(RotateTokenCommand)
export class RotateTokenHandler implements ICommandHandler<RotateTokenCommand> {
  constructor(private readonly ledger: LedgerService) {}
  async execute(c: RotateTokenCommand) {
    const token = newToken();
    // A fresh token always differs from the current one, so the rotation is always recorded.
    const rotated = (await rotateUserToken(this.ledger.runner, c.userId, c.input, hashToken(token), withoutRetryKey(c.ctx)))!;
    return { id: rotated.id, token, expiresAt: rotated.expiresAt, position: rotated.position };
  }
}

export class ChangeUserStatusCommand extends Command<{ id: string; position: number }> {
  constructor(
    readonly change: 'deactivate' | 'reactivate',
    readonly userId: string,
    readonly input: UserStatusInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}

@CommandHandler(ChangeUserStatusCommand)
export class ChangeUserStatusHandler implements ICommandHandler<ChangeUserStatusCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: ChangeUserStatusCommand) {
    return c.change === 'deactivate'
      ? deactivateUser(this.ledger.runner, this.ledger.reads, c.userId, c.input, c.ctx)
      : reactivateUser(this.ledger.runner, c.userId, c.input, c.ctx);
  }
}

export class ListUsersQuery extends Query<unknown> {
  constructor(
    readonly query: PageQuery,
    readonly principal: Principal,
  ) {
    super();
  }
}

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: ListUsersQuery) {
    return listUsers(this.ledger.reads, q.query, q.principal);
  }
}

export class GetMeQuery extends Query<unknown> {
  constructor(readonly principal: Principal) {
    super();
  }
}

@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<GetMeQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetMeQuery) {
    return me(this.ledger.reads, q.principal);
  }
}
