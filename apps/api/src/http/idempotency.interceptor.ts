import { createHash } from 'node:crypto';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DomainError, invalid } from '../../../../libs/domain/src';
import { IdempotencyKeyTaken, canonicalJson, type IdempotencyRequest } from '../../../../libs/ledger/src';
import { LedgerService } from '../ledger/ledger.service';
import type { AuthenticatedRequest } from './principal';

const REQUEST_KEY = Symbol('idempotency');
type WithIdempotency = AuthenticatedRequest & { [REQUEST_KEY]?: IdempotencyRequest };

/** Marks a request whose identity is its streamed content, known only once it has been read. */
export const STREAMED = 'streamed';

const isStreamedBody = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && typeof (body as { stream?: { pipe?: unknown } }).stream?.pipe === 'function';

export const idempotencyOf = (r: AuthenticatedRequest): IdempotencyRequest | null => (r as WithIdempotency)[REQUEST_KEY] ?? null;

/**
 * Idempotency-Key: a retry with the same key and body gets the first 201 back and records nothing;
 * a retry arriving while the first is in flight waits for it; the same key with another body is
 * refused. The record itself is written by the store in the same commit as the events (see
 * CommandRunner), so a key can never point at events that were not stored, or the reverse.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly ledger: LedgerService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<WithIdempotency>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined || request.principal === undefined) return next.handle();
    return from(this.handle(request, key, next));
  }

  private async handle(request: WithIdempotency, key: string | string[], next: CallHandler): Promise<unknown> {
    if (typeof key !== 'string' || key.length === 0 || key.length > 200) throw invalid('Idempotency-Key', 'must be a header of 1–200 characters');
    if (isStreamedBody(request.body)) {
      // A streamed file cannot be hashed before it is read: the use case checks the key against
      // the content hash it computes while reading (see import-households.ts).
      request[REQUEST_KEY] = { key, requestHash: STREAMED };
      return lastValueFrom(next.handle(), { defaultValue: undefined });
    }
    const userId = request.principal!.userId;
    const path = request.url.split('?')[0];
    const requestHash = createHash('sha256')
      .update(`${request.method} ${path}\n${canonicalJson(request.body ?? null)}`)
      .digest('hex');
    const slot = `${userId}\u0000${key}`;
    for (;;) {
      const running = this.inFlight.get(slot);
      if (running) {
        await running.catch(() => undefined);
        continue;
      }
      const stored = await this.ledger.events.findIdempotency(userId, key);
      if (stored) {
        if (stored.requestHash !== requestHash) {
          throw new DomainError('IDEMPOTENCY_KEY_REUSED', `Idempotency-Key '${key}' was already used for a different request`);
        }
        return stored.response;
      }
      request[REQUEST_KEY] = { key, requestHash };
      const work = lastValueFrom(next.handle(), { defaultValue: undefined });
      this.inFlight.set(slot, work);
      try {
        return await work;
      } catch (error) {
        // Another process stored the key first: answer as the retry it is.
        if (error instanceof IdempotencyKeyTaken) continue;
        throw error;
      } finally {
        this.inFlight.delete(slot);
      }
    }
  }
}
