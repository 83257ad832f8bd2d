import {
  IdempotencyKeyTaken,
  WrongExpectedVersion,
  type AppendOptions,
  type AppendResult,
  type StreamAppend,
} from '../../../ledger/src/ports/event-store.port';
import { DomainError } from '../../../domain/src';
import type { AppendChecks } from './append-checks';
import { StaleHead, type LogCommitter } from './log-committer';
import { encodeAppend, encodeIdempotency, type EventRowValues, type IdempotencyRowValues, type RowSink, type UniqueKeyRowValues } from './log-rows';
import type { Tip } from './log-statements';
import { isStorageFull, storageFullOr } from './storage-limits';

type Pending = {
  appends: readonly StreamAppend[];
  options: AppendOptions;
  resolve: (r: AppendResult) => void;
  reject: (e: unknown) => void;
};

type Outcome = { ok: AppendResult } | { error: unknown };
/** `revisions`, `keys`, `claims`: what the batch wrote, so that its entries in the pending maps can be dropped when it is back. */
type Batch = {
  id: number;
  pending: Pending[];
  outcomes: Outcome[];
  revisions: [string, number][];
  keys: string[];
  claims: string[];
  end: Tip;
  claimsChecked: boolean;
};

/** Batches being committed at once: one syncing while the next is decided. */
const MAX_IN_FLIGHT = 2;

/** A batch's rows, gathered on this thread for the committer to insert. */
class StagedRows implements RowSink {
  readonly events: EventRowValues[] = [];
  readonly idempotency: IdempotencyRowValues[] = [];
  readonly unique: UniqueKeyRowValues[] = [];
  putEvent(row: EventRowValues): void {
    this.events.push(row);
  }
  putUnique(row: UniqueKeyRowValues): void {
    this.unique.push(row);
  }
  putIdem(row: IdempotencyRowValues): void {
    this.idempotency.push(row);
  }
}

/**
 * Group commit: appends that arrive while a batch is being committed wait and are committed
 * together in the next one (one transaction, one fsync). Each is checked against its own expected
 * revision and idempotency key before anything of it is written, so a refused one writes nothing
 * and the others go on; every caller is answered only after the transaction that holds its events
 * has committed. This thread decides positions, hashes and the rows' JSON; the committer (on a
 * worker thread) inserts them and commits, so the event loop never waits for the disk. A batch
 * that SQLite refuses (a full disk) fails as a whole and records nothing.
 */
export class GroupCommit {
  private readonly queue: Pending[] = [];
  private scheduled = false;
  /** Set while a bulk import writes: nothing is decided meanwhile. */
  private paused = false;
  private batches = 0;
  private readonly inflight: Batch[] = [];
  private poisoned = false;
  /** Set when a claim was refused by the unique index: the next batches look claims up before committing. */
  private claimsInSql = false;
  /** Appends of batches that failed only because one before them did: decided again first. */
  private readonly doomed: Pending[] = [];
  /** What batches in flight have written: later batches are decided on top of it. */
  private readonly pendingRevisions = new Map<string, { revision: number; batch: number }>();
  private readonly pendingKeys = new Map<string, number>();
  private readonly pendingClaims = new Map<string, number>();
  /** Set when a commit found no room (a full disk), cleared by the next that succeeds: GET /health says so meanwhile. */
  full = false;

  constructor(
    private readonly checks: AppendChecks,
    private readonly committer: LogCommitter,
    private readonly maxBatch: number,
    private readonly notify: (head: number) => void,
  ) {}

  append(appends: readonly StreamAppend[], options: AppendOptions): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ appends, options, resolve, reject });
      this.schedule();
    });
  }

  /** No batch is being decided or committed (appends may be queued). */
  get idle(): boolean {
    return !this.scheduled && this.inflight.length === 0;
  }

  /** Nothing queued, decided or being committed. */
  get drained(): boolean {
    return this.idle && this.queue.length === 0;
  }

  /** Stops deciding batches (a bulk import is about to write); call when idle. */
  pause(): void {
    if (this.poisoned) this.recover();
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.paused || this.queue.length === 0) return;
    if (this.inflight.length >= MAX_IN_FLIGHT || (this.poisoned && this.inflight.length > 0)) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /**
   * Decides the next batch and hands it to the committer. Up to MAX_IN_FLIGHT batches are being
   * committed at once (the committer writes them in order), so this thread decides the next while
   * the disk syncs the last; a batch decided on top of one in flight sees its revisions, keys and
   * claims as taken. Should a batch fail, the ones decided on top of it fail too (their expected
   * head is not there): nothing more is decided until all are back, then the tip is read again
   * and their appends are decided anew.
   */
  private flush(): void {
    this.scheduled = false;
    if (this.paused || this.inflight.length >= MAX_IN_FLIGHT || (this.poisoned && this.inflight.length > 0)) return;
    if (this.poisoned) this.recover();
    const pending = this.queue.splice(0, this.maxBatch);
    if (pending.length === 0) return;
    const start = { ...this.checks.tip };
    const batch: Batch = { id: ++this.batches, pending, outcomes: [], revisions: [], keys: [], claims: [], end: start, claimsChecked: this.claimsInSql };
    const rows = new StagedRows();
    try {
      batch.outcomes = this.decide(batch, rows);
    } catch (error) {
      // Not a refusal but a fault while deciding (a read failing): nothing of the batch was sent.
      this.forget(batch);
      this.checks.tip = start;
      for (const p of pending) p.reject(error);
      this.schedule();
      return;
    }
    batch.end = { ...this.checks.tip };
    if (rows.events.length === 0) {
      this.settle(batch);
      this.schedule();
      return;
    }
    this.inflight.push(batch);
    this.committer.commit({ expectHead: start.position, expectHash: start.hash, events: rows.events, idempotency: rows.idempotency, unique: rows.unique }).then(
      () => this.committed(batch),
      (error: unknown) => this.failed(batch, error),
    );
    this.schedule();
  }

  private committed(batch: Batch): void {
    this.inflight.shift();
    this.full = false;
    if (batch.claimsChecked && this.doomed.length === 0) this.claimsInSql = false;
    for (const [stream, revision] of batch.revisions) this.checks.cacheRevision(stream, revision);
    this.forget(batch);
    this.notify(batch.end.position);
    this.settle(batch);
    this.schedule();
  }

  private failed(batch: Batch, error: unknown): void {
    this.inflight.shift();
    this.poisoned = true;
    // A stale head (another process appended, or a batch before this one failed) is no fault of the
    // appends: decide them again. So for a value claimed by an earlier commit, which a batch finds
    // only when the unique index refuses it (looking every claim up first would cost every append
    // an index seek for the rare race): decide again, this time looking the claims up.
    const claimTaken = isClaimConflict(error);
    if (claimTaken) this.claimsInSql = true;
    if (isStorageFull(error)) this.full = true;
    if (error instanceof StaleHead || claimTaken) this.doomed.push(...batch.pending);
    else for (const p of batch.pending) p.reject(storageFullOr(error));
    if (this.inflight.length === 0) {
      this.recover();
      this.schedule();
    }
  }

  /** After a failed batch, with none in flight: the log as the file has it, and the doomed appends first in the queue. */
  private recover(): void {
    this.poisoned = false;
    this.checks.reset();
    this.pendingRevisions.clear();
    this.pendingKeys.clear();
    this.pendingClaims.clear();
    this.queue.unshift(...this.doomed.splice(0));
  }

  /** Drops the batch's entries from the pending maps (a later batch in flight may have replaced them). */
  private forget(batch: Batch): void {
    for (const [stream] of batch.revisions) if (this.pendingRevisions.get(stream)?.batch === batch.id) this.pendingRevisions.delete(stream);
    for (const k of batch.keys) if (this.pendingKeys.get(k) === batch.id) this.pendingKeys.delete(k);
    for (const k of batch.claims) if (this.pendingClaims.get(k) === batch.id) this.pendingClaims.delete(k);
  }

  private settle(batch: Batch): void {
    batch.pending.forEach((p, i) => {
      const o = batch.outcomes[i]!;
      if ('ok' in o) p.resolve(o.ok);
      else p.reject(o.error);
    });
  }

  /** Each append of the batch checked on top of the ones before it; the accepted ones' rows staged in `rows`. */
  private decide(batch: Batch, rows: StagedRows): Outcome[] {
    const checks = this.checks;
    const outcomes: Outcome[] = new Array(batch.pending.length);
    for (let i = 0; i < batch.pending.length; i++) {
      const p = batch.pending[i]!;
      const firstPosition = checks.tip.position + 1;
      // A stream appears once per appendMany: its new revisions, in the order of `appends`.
      let revisions: number[];
      let idemKey: string | null = null;
      try {
        revisions = p.appends.map((a) => checks.check(a, this.pendingRevisions));
        checks.checkUnique(p.appends, this.pendingClaims, this.claimsInSql);
        const idem = p.options.idempotency;
        if (idem) {
          idemKey = `${idem.userId}\u0000${idem.key}`;
          if (this.pendingKeys.has(idemKey)) throw new IdempotencyKeyTaken(idem.userId, idem.key);
          checks.checkIdempotency(idem);
        }
      } catch (error) {
        if (!(error instanceof WrongExpectedVersion || error instanceof IdempotencyKeyTaken || error instanceof DomainError)) throw error;
        outcomes[i] = { error };
        continue;
      }
      for (const a of p.appends) {
        for (const e of a.events) {
          for (const u of checks.uniqueKeys(e)) {
            this.pendingClaims.set(u.key, batch.id);
            batch.claims.push(u.key);
          }
        }
      }
      for (let k = 0; k < p.appends.length; k++) checks.tip = encodeAppend(p.appends[k]!, revisions[k]!, checks.tip, checks.uniqueKeys, rows);
      const result: AppendResult = { nextExpectedRevision: revisions[revisions.length - 1] ?? -1, firstPosition, lastPosition: checks.tip.position };
      encodeIdempotency(p.options, result, rows);
      if (idemKey) {
        this.pendingKeys.set(idemKey, batch.id);
        batch.keys.push(idemKey);
      }
      for (let k = 0; k < p.appends.length; k++) {
        const stream = p.appends[k]!.streamId;
        this.pendingRevisions.set(stream, { revision: revisions[k]!, batch: batch.id });
        batch.revisions.push([stream, revisions[k]!]);
      }
      outcomes[i] = { ok: result };
    }
    return outcomes;
  }
}

/** SQLite's refusal of a second row for one unique value (unique_keys' primary key). */
function isClaimConflict(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return typeof e?.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT') && /unique_keys/.test(e.message ?? '');
}
