import { MessageChannel } from 'node:worker_threads';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  IdempotencyRecord,
  NewEvent,
  StoredEvent,
  StreamAppend,
} from '../../../ledger/src/ports/event-store.port';
import { StorageFull } from '../../../ledger/src/ports/event-store.port';
import type { Doc, HistoricalReadStore, IndexQuery, Scalar, ScanPage } from '../../../ledger/src/ports/read-store.port';
import { PROJECTIONS, auditKeys as defaultAuditKeys } from '../../../ledger/src/projections';
import { readModelsFile } from './schema';
import { SqliteEventLog } from './sqlite-event-log';
import { SqliteProjector, type ProjectionOptions } from './sqlite-projector';
import { InlineProjectorHost, WorkerProjectorHost, type ProjectorHost } from './projector-host';
import { workerScript } from './worker-script';
import { SqliteReadModels } from './sqlite-read-models';
import { isStorageFull } from './storage-limits';

export { toStored } from './log-rows';
export type { EventRow } from './schema';

export type SqliteLedgerOptions = ProjectionOptions &
  Readonly<{
    /** Most appends committed together in one transaction (one fsync). */
    maxBatch?: number;
    /** Where the projector runs; by default its own thread when running compiled with the standard projections. */
    projector?: 'worker' | 'inline';
    /** Where the log commits (SqliteEventLog); by default a worker thread when running compiled. */
    committer?: 'worker' | 'inline';
  }>;

type Waiter = { position: number; resolve: () => void };

/**
 * The embedded ledger: the log file (SqliteEventLog) and its read-model file, kept current by a
 * projector on its own thread. An append is answered once its events are durable in the log and
 * the read models reflect them, so whoever has been told "recorded" reads it back, as before the
 * two were split; the projector's work just no longer holds up the appends behind it.
 */
export class SqliteLedgerStore implements EventStore, HistoricalReadStore {
  readonly log: SqliteEventLog;
  readonly readFile: string;
  private readonly reads: SqliteReadModels;
  private readonly host: ProjectorHost;
  private projected: number;
  private readonly waiters: Waiter[] = [];
  /** Followers of the log (the event tail) waiting for the read models to move. */
  private readonly idlers = new Set<() => void>();
  private lastError: Error | null = null;
  /** The projector's last step found no room: writes are refused until one succeeds (it retries every second). */
  private readModelsFull = false;

  constructor(
    readonly file: string,
    readonly options: SqliteLedgerOptions,
  ) {
    // The server's event loop must not stop for each fsync: commits on a worker thread when the build has one.
    this.log = new SqliteEventLog(file, {
      maxBatch: options.maxBatch,
      committer: options.committer ?? (workerScript('log-committer-worker') ? 'worker' : 'inline'),
    });
    this.readFile = readModelsFile(file);
    // Read models are brought up to the log before anything is served (a new release's rebuild,
    // a deleted read-model file, events appended by an older release).
    const opening = new SqliteProjector(file, this.readFile, options);
    try {
      this.projected = opening.catchUp();
    } finally {
      opening.close();
    }
    this.reads = new SqliteReadModels(this.readFile);
    const events = { onProgress: (p: number) => this.progress(p), onError: (e: Error) => this.failed(e) };
    const script = workerScript('projector-worker');
    const standard = options.projections === PROJECTIONS && options.auditKeys === defaultAuditKeys;
    const mode = options.projector ?? (script && standard ? 'worker' : 'inline');
    if (mode === 'worker' && !script) throw new Error('the projector worker runs only from the compiled build (npm run build)');
    if (mode === 'worker' && !standard) throw new Error('the projector worker runs the standard projections only');
    this.host =
      mode === 'worker' ? new WorkerProjectorHost(script!, file, this.readFile, events) : new InlineProjectorHost(file, this.readFile, options, events);
    this.log.onCommit((head) => this.host.notify(head));
    if (this.host instanceof WorkerProjectorHost) {
      const { port1, port2 } = new MessageChannel();
      if (this.log.announceCommitsTo(port1)) this.host.listenTo(port2);
    }
  }

  // ---- EventStore ----

  append(streamId: string, expected: ExpectedRevision, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    return this.appendMany([{ streamId, expected, events }], options);
  }

  appendMany(appends: readonly StreamAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    if (this.readModelsFull) return Promise.reject(this.readModelsRefusal());
    return this.projectedAfter(this.log.appendMany(appends, options));
  }

  /**
   * All-or-nothing appends of any size, read lazily (a bulk import): see SqliteEventLog.appendBulk.
   * With the projector on its own thread, the import's events are projected while the log writes
   * them, in one read-model transaction committed just after the log's (rolled back if the log's
   * is): the two halves of a province's import run side by side instead of one after the other.
   */
  async appendBulk(appends: Iterable<StreamAppend>, options: AppendOptions = {}): Promise<AppendResult> {
    if (this.readModelsFull) throw this.readModelsRefusal();
    const host = this.host;
    if (!(host instanceof WorkerProjectorHost)) return this.projectedAfter(this.log.appendBulk(appends, options));
    let began = false;
    const feed = async (events: unknown[]) => {
      if (!began) {
        // The read models must stand at the log's head before the import's first event.
        await this.projectedUpTo(this.log.head().position, true);
        await host.beginBulk(this.log.head().position);
        began = true;
      }
      await host.feed(events);
    };
    let result: AppendResult;
    try {
      result = await this.log.appendBulk(appends, options, feed);
    } catch (error) {
      if (began) await host.endBulk(false);
      throw error;
    }
    if (began) await host.endBulk(true);
    await this.projectedUpTo(result.lastPosition);
    return result;
  }

  async readStream(streamId: string, fromRevision = 0): Promise<StoredEvent[]> {
    return this.log.readStream(streamId, fromRevision);
  }

  async readAll(afterPosition: number, limit: number): Promise<StoredEvent[]> {
    return this.log.readAll(afterPosition, limit);
  }

  async readPositions(positions: readonly number[]): Promise<StoredEvent[]> {
    return this.log.readPositions(positions);
  }

  async head(): Promise<{ position: number; hash: string }> {
    return this.log.head();
  }

  async findIdempotency(userId: string, key: string): Promise<IdempotencyRecord | null> {
    return this.log.findIdempotency(userId, key);
  }

  /**
   * Wakes a follower of the log once the read models have moved past `afterPosition` (so what it
   * then reads is both committed and readable), or after `timeoutMs`: another process's commits to
   * the same file are found by reading, not announced.
   */
  waitForAppend(afterPosition: number, timeoutMs: number): Promise<void> {
    if (this.projected > afterPosition) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.idlers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      timer.unref();
      this.idlers.add(done);
    });
  }

  async close(): Promise<void> {
    for (const wake of [...this.idlers]) wake();
    await this.log.close();
    await this.projectedUpTo(this.log.head().position, true);
    await this.host.close();
    this.reads.close();
  }

  // ---- ReadStore ----

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    return this.reads.get<T>(collection, id);
  }

  async find<T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>> = {}): Promise<T[]> {
    return this.reads.find<T>(collection, where);
  }

  async queryIndex(q: IndexQuery): Promise<number[]> {
    return this.reads.queryIndex(q, this.reads.position());
  }

  async checkpoint(): Promise<number> {
    return this.reads.position();
  }

  async getAt<T extends Doc>(collection: string, id: string, position: number): Promise<T | null> {
    return this.reads.getAt<T>(collection, id, position);
  }

  async findAt<T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>>, position: number): Promise<T[]> {
    return this.reads.findAt<T>(collection, where, position);
  }

  async scan<T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>>, afterId: string | null, limit: number): Promise<ScanPage<T>> {
    return this.reads.scan<T>(collection, where, afterId, limit);
  }

  async scanAt<T extends Doc>(
    collection: string,
    where: Readonly<Record<string, Scalar>>,
    afterId: string | null,
    limit: number,
    position: number,
  ): Promise<ScanPage<T>> {
    return this.reads.scanAt<T>(collection, where, afterId, limit, position);
  }

  async positionAt(instant: string): Promise<number> {
    return Math.min(this.log.positionAt(instant), this.reads.position());
  }

  /** Which file, if any, found no room at its last write: the log (until a commit succeeds) or the read models (until a step does). */
  storageFull(): 'log' | 'read models' | null {
    return this.log.full ? 'log' : this.readModelsFull ? 'read models' : null;
  }

  /** How far the read models are behind the log, and the projector's last error (cleared by its next commit). */
  lag(): Readonly<{ head: number; projected: number; lastError: string | null }> {
    return { head: this.log.head().position, projected: this.projected, lastError: this.lastError?.message ?? null };
  }

  // ---- waiting for the projector ----

  private readModelsRefusal(): StorageFull {
    return new StorageFull('read models', this.lastError?.message ?? 'database or disk is full');
  }

  private async projectedAfter(appended: Promise<AppendResult>): Promise<AppendResult> {
    const result = await appended;
    await this.projectedUpTo(result.lastPosition);
    return result;
  }

  private projectedUpTo(position: number, nudge = false): Promise<void> {
    // With no room for the read models, a caller whose events are in the log is answered now (see `failed`).
    if (this.projected >= position || this.readModelsFull) return Promise.resolve();
    return new Promise((resolve) => {
      const w = { position, resolve };
      // Commits are answered in log order, so this is almost always an append at the end.
      let i = this.waiters.length;
      while (i > 0 && this.waiters[i - 1]!.position > position) i--;
      this.waiters.splice(i, 0, w);
      if (this.waiters.length === 1) this.host.hold(true);
      // A head read from the file may hold another process's commits, which this one's projector is not told of.
      if (nudge) this.host.notify(position);
    });
  }

  private progress(position: number): void {
    this.projected = Math.max(this.projected, position);
    this.lastError = null;
    for (const wake of [...this.idlers]) wake();
    this.readModelsFull = false;
    let done = 0;
    while (done < this.waiters.length && this.waiters[done]!.position <= this.projected) this.waiters[done++]!.resolve();
    if (done > 0) {
      this.waiters.splice(0, done);
      if (this.waiters.length === 0) this.host.hold(false);
    }
  }

  /**
   * A projection that throws is a bug, not a bad command: the events are durable and stay so. The
   * projector retries; the writes waiting on it wait, and `lag()` (GET /health) says why.
   *
   * A full disk is not a bug and must not hold writes: the events waiting are durable in the log,
   * so their callers are answered now (their reads may lag until space returns), and new writes
   * are refused (507) before anything of them is written, until the projector steps again.
   */
  private failed(error: Error): void {
    this.lastError = error;
    if (isStorageFull(error)) {
      this.readModelsFull = true;
      for (const w of this.waiters.splice(0)) w.resolve();
      this.host.hold(false);
    }
    process.stderr.write(`ledger: read models stopped at position ${this.projected}: ${error.stack ?? error.message}\n`);
  }
}
