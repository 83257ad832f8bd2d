import type { CommandContext, Principal } from '../../../domain/src';

export type IdempotencyRequest = Readonly<{ key: string; requestHash: string }>;

/** What the edge hands every use case: who (with scope), when, the ids to use, and the retry key. */
export type AppContext = CommandContext &
  Readonly<{
    principal: Principal;
    newId: () => string;
    idempotency: IdempotencyRequest | null;
  }>;
