import type { CommandContext, Principal } from '../../../domain/src';

export type IdempotencyRequest = Readonly<{ key: string; requestHash: string }>;

/** What the edge hands every use case: who (with scope), when, the ids to use, and the retry key. */
export type AppContext = CommandContext &
  Readonly<{
    principal: Principal;
    newId: () => string;
    idempotency: IdempotencyRequest | null;
  }>;

/**
 * The one way to build a context: the actor is the principal, and the idempotency key recorded in
 * metadata is the one the request carried. The caller supplies the clock reading and id source.
 */
export const appContext = (
  c: Readonly<{
    principal: Principal;
    now: string;
    newId: () => string;
    correlationId: string;
    causationId?: string | null;
    idempotency?: IdempotencyRequest | null;
  }>,
): AppContext => ({
  principal: c.principal,
  actor: { userId: c.principal.userId, role: c.principal.role },
  now: c.now,
  correlationId: c.correlationId,
  causationId: c.causationId ?? null,
  idempotencyKey: c.idempotency?.key ?? null,
  idempotency: c.idempotency ?? null,
  newId: c.newId,
});
