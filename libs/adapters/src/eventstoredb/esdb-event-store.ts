import {
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  excludeSystemEvents,
  type AllStreamSubscription,
  type Position,
  type ReadPosition,
} from '@eventstore/db-client';
import {
  IdempotencyKeyTaken,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type IdempotencyRecord,
  type NewEvent,
  type StoredEvent,
  type StreamAppend,
} from '../../../ledger/src/ports/event-store.port';
import type { UniqueKey } from '../../../ledger/src/distributed/unique-keys';
import { IdempotencyClaims, UniqueReservations, type Claim, type ClaimTiming, type ClaimedRequest } from './esdb-claims';
import { isLedgerRecord, mapAppendError, toEsdbEvent, toEsdbExpected, type EsdbRecord } from './esdb-mapping';
import { LogIndex } from './log-index';

export type EsdbEventStoreOptions = Readonly<{
  /** Values an event makes unique across streams (libs/ledger/src/distributed/unique-keys.ts). */
  uniqueKeys?: (e: NewEvent) => readonly UniqueKey[];
  /** Rebuilds a command's answer from its events, for a key whose claimer died (recovered-response.ts). */
  recoverResponse?: (events: readonly StoredEvent[]) => unknown;
  leaseMs?: number;
  pollMs?: number;
  /** gRPC deadline of an append, kept well under the lease. */
  appendDeadlineMs?: number;
  pageSize?: number;
}>;

export class MultiStreamAppendUnsupported extends Error {
  constructor() {
    super('EventStoreDB has no multi-stream transaction: an all-or-nothing append to several streams (bulk import) runs on the embedded SQLite store only');
    this.name = 'MultiStreamAppendUnsupported';
  }
}

/**
 * The event-store port on EventStoreDB / KurrentDB (`@eventstore/db-client`).
 *
 * Mapping. Our event is `jsonEvent({ id, type, data, metadata })`: the id as is when it is a UUID
 * (else a UUID derived from it, ours kept in metadata as `ledgerEventId`), our metadata plus
 * `ledgerSchemaVersion` (and `$correlationId`/`$causationId` for the server's own projections).
 * Stream names and revisions are ours unchanged. Every append passes our expected revision; there
 * is no way to ask for the client's default "any". A version conflict becomes `WrongExpectedVersion`.
 *
 * Positions and the hash chain are a deterministic fold of `$all` (log-index.ts): position n is the
 * n-th ledger event in `$all` order, dense from 1, the same in every process, and hash(n) chains it
 * as in SQLite. Each process folds `$all` once from the start, then incrementally; an append
 * answers after folding up to its own events, so the positions it returns are final. The cost is
 * one pass over the log at start and about 100 bytes of memory per event.
 *
 * Idempotency keys and unique values (disbursement ids) are streams of the adapter's own, under
 * the `ledger-` prefix and outside our log: see esdb-claims.ts for the design and its one window.
 *
 * `appendMany` is refused: EventStoreDB's client offers no atomic append to several streams.
 */
export class EsdbEventStore implements EventStore {
  private readonly index = new LogIndex();
  private readonly claims: IdempotencyClaims;
  private readonly reservations: UniqueReservations;
  private readonly pageSize: number;
  private readonly appendDeadlineMs: number;
  private syncing: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private live: AllStreamSubscription | null = null;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EsdbEventStoreOptions = {},
  ) {
    const timing: ClaimTiming = { leaseMs: options.leaseMs ?? 30_000, pollMs: options.pollMs ?? 50, now: Date.now };
    this.claims = new IdempotencyClaims(client, timing);
    this.reservations = new UniqueReservations(client, timing);
    this.pageSize = options.pageSize ?? 1000;
    this.appendDeadlineMs = options.appendDeadlineMs ?? 10_000;
  }

  /** `esdb://host:2113?tls=false` for an insecure single node. */
  static async connect(url: string, options: EsdbEventStoreOptions = {}): Promise<EsdbEventStore> {
    const store = new EsdbEventStore(EventStoreDBClient.connectionString(url), options);
    await store.sync();
    return store;
  }

  async append(streamId: string, expected: ExpectedRevision, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const esdbExpected = toEsdbExpected(expected);
    if (events.length === 0) {
      const tip = (await this.head()).position;
      return { nextExpectedRevision: expected === 'no_stream' ? -1 : expected, firstPosition: tip, lastPosition: tip };
    }
    const idem = options.idempotency;
    const taken: { claim: Claim; release: (c: Claim) => Promise<boolean> }[] = [];
    const releaseAll = async () => {
      for (const t of taken) await t.release(t.claim).catch(() => false);
    };
    if (idem) {
      const claim = await this.claims.claim({ userId: idem.userId, key: idem.key, requestHash: idem.requestHash, streamId, expected });
      if (!claim) throw new IdempotencyKeyTaken(idem.userId, idem.key);
      taken.push({ claim, release: (c) => this.claims.release(c) });
    }
    let appended;
    try {
      for (const e of events) {
        for (const u of this.options.uniqueKeys?.(e) ?? []) {
          const reservation = await this.reservations.reserve(u.key, streamId, (owner) => this.streamUses(owner, u.key), u.conflict);
          if (reservation) taken.push({ claim: reservation, release: (c) => this.reservations.release(c) });
        }
      }
      appended = await this.client.appendToStream(streamId, events.map(toEsdbEvent), { expectedRevision: esdbExpected, deadline: this.appendDeadlineMs });
    } catch (error) {
      await releaseAll();
      throw mapAppendError(error, streamId, expected);
    }
    await this.sync();
    const positions = events.map((e) => this.index.positionOf(e.id));
    if (positions.some((p) => p === undefined))
      throw new Error(`append to '${streamId}' succeeded but its events are not in $all yet (is the connection reading from a follower?)`);
    const result: AppendResult = {
      nextExpectedRevision: Number(appended.nextExpectedRevision),
      firstPosition: positions[0]!,
      lastPosition: positions[positions.length - 1]!,
    };
    if (idem) {
      // Not recording the answer (a dropped connection) loses nothing: a retry settles the claim from the log.
      await this.claims.answer(taken[0]!.claim, idem.requestHash, idem.response(result)).catch(() => false);
    }
    return result;
  }

  async appendMany(_appends: readonly StreamAppend[], _options?: AppendOptions): Promise<AppendResult> {
    throw new MultiStreamAppendUnsupported();
  }

  async readStream(streamId: string, fromRevision = 0): Promise<StoredEvent[]> {
    const records: EsdbRecord[] = [];
    try {
      for await (const r of this.client.readStream(streamId, { direction: FORWARDS, fromRevision: BigInt(fromRevision), resolveLinkTos: false })) {
        if (r.event && isLedgerRecord(r.event)) records.push(r.event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    if (records.some((r) => this.index.locate(r) === null)) await this.sync();
    return records.map((r) => this.located(r));
  }

  async readAll(afterPosition: number, limit: number): Promise<StoredEvent[]> {
    if (limit <= 0) return [];
    if (afterPosition >= this.index.tip().position) await this.sync();
    const from = this.index.esdbPositionOf(afterPosition + 1);
    if (!from) return [];
    const out: StoredEvent[] = [];
    // Our events are interleaved with the adapter's own streams: a page a little larger than asked.
    const count = Math.min(this.pageSize, limit * 3 + 16);
    let cursor: ReadPosition = from;
    for (;;) {
      const page = await this.readAllPage(cursor, count);
      for (const r of page) {
        if (!isLedgerRecord(r)) continue;
        const e = this.index.locate(r);
        if (!e) return out; // past what this process has folded: the next call sees it
        // A page read from a position starts with that position again: skip what is already taken.
        if (e.position <= (out[out.length - 1]?.position ?? afterPosition)) continue;
        out.push(e);
        if (out.length >= limit) return out;
      }
      if (page.length < count) return out;
      cursor = page[page.length - 1]!.position;
    }
  }

  async readPositions(positions: readonly number[]): Promise<StoredEvent[]> {
    if (positions.some((p) => p > this.index.tip().position)) await this.sync();
    const out: StoredEvent[] = [];
    for (const p of positions) {
      const [e] = await this.readAll(p - 1, 1);
      if (e && e.position === p) out.push(e);
    }
    return out;
  }

  async head(): Promise<{ position: number; hash: string }> {
    await this.sync();
    return this.index.tip();
  }

  async findIdempotency(userId: string, key: string): Promise<IdempotencyRecord | null> {
    return this.claims.find(userId, key, (claimed) => this.settle(claimed));
  }

  /**
   * Wakes a worker when something is appended: a live subscription to `$all` (system events
   * filtered out on the server). It only shortens the wait; the worker reads from its checkpoint
   * either way, so a dropped subscription costs latency, never an event.
   */
  async waitForAppend(afterPosition: number, timeoutMs: number): Promise<void> {
    if (this.index.tip().position > afterPosition) return;
    this.ensureLive();
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }

  async close(): Promise<void> {
    for (const w of [...this.waiters]) w();
    await this.live?.unsubscribe().catch(() => undefined);
    this.live = null;
    await this.syncing?.catch(() => undefined);
    await this.client.dispose();
  }

  // ---- internals ----

  /** Folds `$all` up to its current end. Concurrent callers share a fold that started after their call. */
  sync(): Promise<void> {
    if (!this.syncing) {
      this.syncing = this.syncOnce().finally(() => {
        this.syncing = null;
      });
      return this.syncing;
    }
    this.queued ??= this.syncing
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.sync();
      });
    return this.queued;
  }

  private async syncOnce(): Promise<void> {
    for (;;) {
      const from: ReadPosition = this.index.scannedUpTo() ?? START;
      const page = await this.readAllPage(from, this.pageSize);
      for (const r of page) this.index.observe(r);
      if (page.length < this.pageSize) return;
    }
  }

  private async readAllPage(from: ReadPosition, count: number): Promise<(EsdbRecord & { position: Position })[]> {
    const out: (EsdbRecord & { position: Position })[] = [];
    for await (const r of this.client.readAll({ direction: FORWARDS, fromPosition: from, maxCount: count, resolveLinkTos: false })) {
      if (r.event) out.push(r.event);
    }
    return out;
  }

  private located(r: EsdbRecord): StoredEvent {
    const e = this.index.locate(r);
    if (!e) throw new Error(`event ${r.id} of '${r.streamId}' is in its stream but not in $all`);
    return e;
  }

  /** Whether `stream` holds an event that uses unique value `key` (a reservation that was used). */
  private async streamUses(stream: string, key: string): Promise<boolean> {
    const events = await this.readStream(stream);
    return events.some((e) => (this.options.uniqueKeys?.(e) ?? []).some((u) => u.key === key));
  }

  /** A dead claimer's events, if it appended any: those after the claimed revision carrying its key and request. */
  private async settle(claimed: ClaimedRequest): Promise<{ response: unknown } | null> {
    const from = claimed.expected === 'no_stream' ? 0 : claimed.expected + 1;
    const events = (await this.readStream(claimed.streamId, from)).filter(
      (e) => e.metadata.idempotencyKey === claimed.key && e.metadata.actor.userId === claimed.userId && e.metadata.requestHash === claimed.requestHash,
    );
    if (events.length === 0) return null;
    return { response: this.options.recoverResponse ? this.options.recoverResponse(events) : { position: events[events.length - 1]!.position } };
  }

  private ensureLive(): void {
    if (this.live) return;
    const sub = this.client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents(), resolveLinkTos: false });
    this.live = sub;
    const wake = () => {
      for (const w of [...this.waiters]) w();
    };
    sub.on('data', (r) => {
      if (r.event && isLedgerRecord(r.event)) wake();
    });
    const drop = () => {
      if (this.live === sub) this.live = null;
      wake();
    };
    sub.on('error', drop);
    sub.on('close', drop);
  }
}
