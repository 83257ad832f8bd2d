import { createHash } from 'node:crypto';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../../../../libs/domain/src';
import { TOKENS, USERS, type TokenDoc, type UserDoc } from '../../../../libs/ledger/src';
import { LedgerService } from '../ledger/ledger.service';
import type { AuthenticatedRequest } from './principal';
import { IS_PUBLIC } from './public.decorator';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Bearer tokens are looked up by their SHA-256: the ledger never stores a token itself. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly ledger: LedgerService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new DomainError('UNAUTHENTICATED', 'an Authorization: Bearer <token> header is required');
    const token = await this.ledger.reads.get<TokenDoc>(TOKENS, hashToken(match[1]!));
    const user = token ? await this.ledger.reads.get<UserDoc>(USERS, token.userId) : null;
    if (!user) throw new DomainError('UNAUTHENTICATED', 'the bearer token is not valid');
    request.principal = { userId: user.id, role: user.role, units: user.units };
    return true;
  }
}
