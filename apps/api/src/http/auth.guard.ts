import { createHash } from 'node:crypto';
import { HttpException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { DomainError, type Principal } from '../../../../libs/domain/src';
import { TOKENS, USERS, userStatus, type TokenDoc, type UserDoc } from '../../../../libs/ledger/src';
import { LedgerService } from '../ledger/ledger.service';
import { AuthFailures } from './auth-failures';
import type { AuthenticatedRequest } from './principal';
import { IS_PUBLIC } from './public.decorator';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const TOO_MANY_AUTH_FAILURES = 'TOO_MANY_AUTH_FAILURES';

const unauthenticated = (message: string, reason: string) => new DomainError('UNAUTHENTICATED', message, { reason });

/**
 * Bearer tokens are looked up by their SHA-256: the ledger never stores a token itself. Nothing is
 * cached: a rotated token, a deactivated user or an expired token is refused from the next request
 * on (two reads of the read store, which the write that changed them has already reached).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly ledger: LedgerService,
    private readonly failures: AuthFailures,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new DomainError('UNAUTHENTICATED', 'an Authorization: Bearer <token> header is required');
    try {
      request.principal = await this.principalOf(hashToken(match[1]!));
      return true;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const wait = this.failures.fail(request.ip ?? 'unknown');
      if (wait === null) throw error;
      void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(wait));
      throw new HttpException({ code: TOO_MANY_AUTH_FAILURES, message: `too many failed authentications from this address: try again in ${wait} s` }, 429);
    }
  }

  private async principalOf(hash: string): Promise<Principal> {
    const token = await this.ledger.reads.get<TokenDoc>(TOKENS, hash);
    const user = token ? await this.ledger.reads.get<UserDoc>(USERS, token.userId) : null;
    if (!token || !user) throw unauthenticated('the bearer token is not valid', 'unknown');
    if (token.revokedAt) throw unauthenticated(`the bearer token was replaced by a new one at ${token.revokedAt} and no longer works`, 'replaced');
    if (!userStatus(user).active) throw unauthenticated(`user '${user.id}' is deactivated: ask an administrator`, 'deactivated');
    if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now())
      throw unauthenticated(`the bearer token expired at ${token.expiresAt}: ask an administrator for a new one`, 'expired');
    return { userId: user.id, role: user.role, units: user.units };
  }
}
