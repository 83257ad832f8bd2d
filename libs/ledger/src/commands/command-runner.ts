import { DomainError, type Decider, type DomainEvent } from '../../../domain/src';
import { WrongExpectedVersion, type AppendResult, type EventStore, type LedgerMetadata, type NewEvent, type StoredEvent } from '../ports/event-store.port';
import type { AppContext } from './context';
import { KeyedMutex } from './keyed-mutex';
import { upcast } from '../schema/upcasters';

type Cached = { revision: number; state: unknown };

export type Handled<E, S> = Readonly<{ events: readonly E[]; state: S; result: AppendResult | null }>;

/** `respond` builds the answer that an idempotent retry gets back; it is stored in the append's commit. */
export type RunOptions = Readonly<{ respond?: (result: AppendResult, events: readonly DomainEvent[]) => unknown; causationId?: string | null }>;

const MAX_ATTEMPTS = 5;
const CACHE_LIMIT = 20_000;

/**
 * Load, decide, append with the revision that was read. The folded state of recently used streams
 * is cached and brought up to date from the log before every decision, so a decision is never
 * made on a stale state, and a busy allocation is not refolded from its first event each time.
 */
export class CommandRunner {
  private readonly cache = new Map<string, Cached>();
  private readonly mutex = new KeyedMutex();

  constructor(readonly store: EventStore) {}

  async load<E, S>(streamId: string, decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>): Promise<{ revision: number; state: S }> {
    const cached = this.cache.get(streamId) as { revision: number; state: S } | undefined;
    let revision = cached?.revision ?? -1;
    let state = cached ? cached.state : decider.initialState();
    for (const e of await this.store.readStream(streamId, revision + 1)) {
      state = decider.evolve(state, upcast(e) as unknown as E);
      revision = e.revision;
    }
    if (revision >= 0) this.remember(streamId, { revision, state });
    return { revision, state };
  }

  async run<C, E extends DomainEvent, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: C | ((state: S) => C),
    ctx: AppContext,
    options: RunOptions = {},
  ): Promise<Handled<E, S>> {
    return this.mutex.run(streamId, async () => {
      for (let attempt = 1; ; attempt++) {
        const { revision, state } = await this.load(streamId, decider);
        const events = decider.decide(typeof command === 'function' ? (command as (s: S) => C)(state) : command, state);
        if (events.length === 0) return { events, state, result: null };
        const idem =
          ctx.idempotency && options.respond
            ? {
                userId: ctx.principal.userId,
                key: ctx.idempotency.key,
                requestHash: ctx.idempotency.requestHash,
                response: (r: AppendResult) => options.respond!(r, events),
              }
            : undefined;
        try {
          const result = await this.store.append(
            streamId,
            revision < 0 ? 'no_stream' : revision,
            events.map((e) => this.toNew(e, ctx, options)),
            { idempotency: idem },
          );
          let next = state;
          for (const e of events) next = decider.evolve(next, e);
          this.remember(streamId, { revision: result.nextExpectedRevision, state: next });
          return { events, state: next, result };
        } catch (error) {
          if (!(error instanceof WrongExpectedVersion)) throw error;
          this.cache.delete(streamId);
          if (attempt >= MAX_ATTEMPTS) {
            throw new DomainError('CONCURRENCY_CONFLICT', `stream '${streamId}' kept changing under this command; try again`, { streamId });
          }
        }
      }
    });
  }

  private toNew(e: DomainEvent, ctx: AppContext, options: RunOptions): NewEvent {
    const data = e.data as { decision?: LedgerMetadata['decision']; reason?: string | null };
    const metadata: LedgerMetadata = {
      actor: ctx.actor,
      recordedAt: ctx.now,
      correlationId: ctx.correlationId,
      causationId: options.causationId ?? ctx.causationId,
      idempotencyKey: ctx.idempotency?.key ?? null,
      requestHash: ctx.idempotency?.requestHash ?? null,
      decision: data.decision ?? null,
      reason: data.reason ?? null,
    };
    return { id: ctx.newId(), type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata };
  }

  private remember(streamId: string, entry: Cached): void {
    this.cache.delete(streamId);
    this.cache.set(streamId, entry);
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
  }
}

export type { StoredEvent };
