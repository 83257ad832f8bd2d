import { createHash } from 'node:crypto';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, type Principal } from '../../../../libs/domain/src';
import { TOKENS, USERS, type TokenDoc, type UserDoc } from '../../../../libs/ledger/src';
import { LedgerService } from '../ledger/ledger.service';
import type { AuthenticatedRequest } from './principal';
import { IS_PUBLIC } from './public.decorator';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Bearer tokens are looked up by their SHA-256: the ledger never stores a token itself. */
@Injectable()
export class AuthGuard implements CanActivate {
  /**
   * Users are never edited (a change would be a new event and a new token), so a token's principal
   * can be remembered; the cache is bounded and holds hashes, not tokens.
   */
  private readonly known = new Map<string, Principal>();

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
    const hash = hashToken(match[1]!);
    request.principal = this.known.get(hash) ?? (await this.lookUp(hash));
    return true;
  }

  private async lookUp(hash: string): Promise<Principal> {
    const token = await this.ledger.reads.get<TokenDoc>(TOKENS, hash);
    const user = token ? await this.ledger.reads.get<UserDoc>(USERS, token.userId) : null;
    if (!user) throw new DomainError('UNAUTHENTICATED', 'the bearer token is not valid');
    const principal: Principal = { userId: user.id, role: user.role, units: user.units };
    if (this.known.size >= 10_000) this.known.clear();
    this.known.set(hash, principal);
    return principal;
  }
}
