import type { MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import {
  GENESIS_HASH,
  IdempotencyKeyTaken,
  StorageFull,
  WrongExpectedVersion,
  type AppendOptions,
  type AppendResult,
  type ExpectedRevision,
  type IdempotencyRecord,
  type NewEvent,
  type StoredEvent,
  type StreamAppend,
} from '../../../ledger/src/ports/event-store.port';
import { DomainError } from '../../../domain/src';
import { chainHashOfCanonical } from '../../../ledger/src/integrity/hash-chain';
import { canonicalJson } from '../../../ledger/src/integrity/canonical-json';
import { LOG_SCHEMA, type EventRow, EVENT_COLUMNS } from './schema';
import { uniqueKeys as ledgerUniqueKeys, type UniqueKey } from '../../../ledger/src/distributed/unique-keys';
import { InlineLogCommitter, StaleHead, WorkerLogCommitter, type EventRowValues, type IdempotencyRowValues, type LogCommitter, type UniqueKeyRowValues } from './log-committer';
import { workerScript } from './worker-script';
import { PageLimit, isStorageFull } from './storage-limits';

type Pending = {
  appends: readonly StreamAppend[];
  options: AppendOptions;
  resolve: (r: AppendResult) => void;
  reject: (e: unknown) => void;
};

type Outcome = { ok: AppendResult } | { error: unknown };
/** `revisions`, `keys`, `claims`: what the batch wrote, so that its entries in the pending maps can be dropped when it is back. */
type Batch = { id: number; pending: Pending[]; outcomes: Outcome[]; revisions: [string, number][]; keys: string[]; claims: string[]; end: Tip; claimsChecked: boolean };

/** Batches being committed at once: one syncing while the next is decided. */
const MAX_IN_FLIGHT = 2;
type Tip = { position: number; hash: string };
type Statements = ReturnType<typeof statements>;

const LOG_CACHE_KIB = 32_768;
/** Events of a bulk import handed to the projector at a time. */
const BULK_CHUNK = 2000;

/** Stream revisions remembered between batches; past this many the oldest are read again from the index. */
const REVISION_CACHE = 200_000;

export type EventLogOptions = Readonly<{
  /** Most appends committed together in one transaction (one fsync). */
  maxBatch?: number;
  /**
   * Where group commits are written: on this thread (the default: fastest for a caller that waits
   * for each batch, as a bulk loader does), or on a worker thread, so that an event loop with other
   * work (the HTTP server) is not stopped by each fsync. The worker needs the compiled build.
   */
  committer?: 'worker' | 'inline';
  /** Values an event makes unique across streams (a disbursement id): a second event claiming one is refused. */
  uniqueKeys?: (e: NewEvent) => readonly UniqueKey[];
}>;

/**
 * The log file: events and idempotency keys, WAL with synchronous=FULL, so a commit is on disk
 * before its promise resolves.
 *
 * Group commit: appends that arrive while a batch is being committed wait and are committed
 * together in the next one (one transaction, one fsync). Each is checked against its own expected
 * revision and idempotency key before anything of it is written, so a refused one writes nothing
 * and the others go on; every caller is answered only after the transaction that holds its events
 * has committed. This thread decides positions, hashes and the rows' JSON; the committer (on a
 * worker thread) inserts them and commits, so the event loop never waits for the disk. A batch
 * that SQLite refuses (a full disk) fails as a whole and records nothing.
 */
export class SqliteEventLog {
  readonly db: Database.Database;
  private readonly queue: Pending[] = [];
  private scheduled = false;
  private bulk = false;
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
  private closed = false;
  /** Set when a commit found no room (a full disk), cleared by the next that succeeds: GET /health says so meanwhile. */
  full = false;
  /** The head when the file was closed. */
  private finalHead: Tip | null = null;
  private readonly committer: LogCommitter;
  private readonly maxBatch: number;
  /** A bulk import's events not yet handed to its `feed`. */
  private chunk: EventTuple[] | null = null;
  /** Rows of the batch being prepared; null when writing straight through a connection (a bulk import). */
  private staged: { events: EventRowValues[]; idempotency: IdempotencyRowValues[]; unique: UniqueKeyRowValues[] } | null = null;
  private readonly uniqueKeys: (e: NewEvent) => readonly UniqueKey[];
  /** Where the next batch is decided from: past the batches in flight. */
  private tip: Tip;
  /** Committed revision of each recently written stream (-1: no stream). */
  private readonly revisions = new Map<string, number>();
  private readonly listeners: ((head: number) => void)[] = [];
  private readonly stmt: Statements;
  /** The statements writes and their checks go through: this connection's, or a bulk import's own. */
  private w: Statements;

  constructor(
    readonly file: string,
    options: EventLogOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 1000;
    this.uniqueKeys = options.uniqueKeys ?? ledgerUniqueKeys;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    // The log's indexes (event id, stream and revision, time) outgrow SQLite's default 2 MiB page
    // cache within a few hundred thousand events; past it every append re-reads index pages.
    this.db.pragma(`cache_size = -${LOG_CACHE_KIB}`);
    const claimsExisted = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'unique_keys'").get() !== undefined;
    this.db.exec(LOG_SCHEMA);
    this.stmt = statements(this.db);
    this.w = this.stmt;
    this.tip = this.stmt.head.get() ?? { position: 0, hash: GENESIS_HASH };
    if (!claimsExisted && this.tip.position > 0) this.claimExistingKeys();
    const script = workerScript('log-committer-worker');
    const mode = options.committer ?? 'inline';
    if (mode === 'worker' && !script) throw new Error('the log committer worker runs only from the compiled build (npm run build)');
    this.committer = mode === 'worker' ? new WorkerLogCommitter(script!, file) : new InlineLogCommitter(file);
  }

  /** Where the committer thread, if there is one, should also announce each new head; false when there is none. */
  announceCommitsTo(port: MessagePort): boolean {
    if (!this.committer.announceTo) return false;
    this.committer.announceTo(port);
    return true;
  }

  /** Called with the new head after every commit. */
  onCommit(listener: (head: number) => void): void {
    this.listeners.push(listener);
  }

  append(streamId: string, expected: ExpectedRevision, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    return this.appendMany([{ streamId, expected, events }], options);
  }

  appendMany(appends: readonly StreamAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('the ledger is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ appends, options, resolve, reject });
      this.schedule();
    });
  }

  readStream(streamId: string, fromRevision = 0): StoredEvent[] {
    return this.stmt.readStream.all(streamId, fromRevision).map(toStored);
  }

  readAll(afterPosition: number, limit: number): StoredEvent[] {
    const rows = this.stmt.readAll.all(afterPosition, limit);
    const out: StoredEvent[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = fromTuple(rows[i]!);
    return out;
  }

  readPositions(positions: readonly number[]): StoredEvent[] {
    return positions.map((p) => this.stmt.byPosition.get(p)).filter((r): r is EventRow => r !== undefined).map(toStored);
  }

  /** The head as the file has it (one index seek): it includes what another process appended since this one last did. */
  head(): Tip {
    if (this.finalHead) return { ...this.finalHead };
    return this.stmt.head.get() ?? { position: 0, hash: GENESIS_HASH };
  }

  findIdempotency(userId: string, key: string): IdempotencyRecord | null {
    const row = this.stmt.getIdem.get(userId, key);
    return row ? { requestHash: row.request_hash, response: JSON.parse(row.response) } : null;
  }

  positionAt(instant: string): number {
    return this.stmt.positionAt.get(instant)?.position ?? 0;
  }

  /** Waits for queued appends to commit, then closes the file. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.queue.length > 0 || this.scheduled || this.inflight.length > 0 || this.bulk) await new Promise((r) => setImmediate(r));
    await this.committer.close();
    this.finalHead = this.head();
    this.db.close();
  }

  /**
   * All-or-nothing appends of any size, read lazily from `appends` (a bulk import): one
   * transaction, one fsync, the same checks and hash chain as `appendMany`, between two group
   * commits (none is decided while it runs). With `feed`, each chunk of events is handed to it as it
   * is written (the projector applies them meanwhile), awaited so that the projector sets the pace;
   * the import then writes through a connection of its own, since reads on this one go on between
   * chunks and must not see rows that may yet be rolled back.
   */
  async appendBulk(appends: Iterable<StreamAppend>, options: AppendOptions = {}, feed?: (events: EventTuple[]) => Promise<void>): Promise<AppendResult> {
    // Let queued single commands commit first, so they are not kept waiting behind the import.
    while (this.bulk || this.inflight.length > 0 || this.scheduled) await new Promise((r) => setImmediate(r));
    if (this.poisoned) this.recover();
    if (this.closed) throw new Error('the ledger is closed');
    this.bulk = true;
    const own = feed ? openBulkConnection(this.file) : null;
    this.w = own ? statements(own) : this.stmt;
    new PageLimit('log').apply(own ?? this.db);
    let revision = -1;
    const idem = options.idempotency;
    const start = { ...this.tip };
    try {
      this.begin();
      Object.assign(start, this.tip);
      if (idem && this.w.getIdem.get(idem.userId, idem.key)) throw new IdempotencyKeyTaken(idem.userId, idem.key);
      // The stream's revision from the index, which sees this transaction's own rows: a stream
      // may come back later in the same import. Nothing is held per stream, however many there are.
      this.revisions.clear();
      this.chunk = feed ? [] : null;
      for (const a of appends) {
        revision = this.check(a, null);
        this.checkUnique([a], null, true);
        this.write(a, revision);
        if (feed && this.chunk!.length >= BULK_CHUNK) await feed(this.chunk!.splice(0));
      }
      if (feed && this.chunk!.length > 0) await feed(this.chunk!.splice(0));
      const result: AppendResult = { nextExpectedRevision: revision, firstPosition: start.position + 1, lastPosition: this.tip.position };
      this.remember(options, result);
      this.w.commit.run();
      this.revisions.clear();
      this.notify(this.tip.position);
      return result;
    } catch (error) {
      if ((own ?? this.db).inTransaction) this.w.rollback.run();
      this.tip = start;
      this.revisions.clear();
      throw storageFullOr(error);
    } finally {
      this.chunk = null;
      this.w = this.stmt;
      own?.close();
      this.bulk = false;
      this.schedule();
    }
  }

  // ---- the write path ----

  private schedule(): void {
    if (this.scheduled || this.bulk || this.queue.length === 0) return;
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
    if (this.bulk || this.inflight.length >= MAX_IN_FLIGHT || (this.poisoned && this.inflight.length > 0)) return;
    if (this.poisoned) this.recover();
    const pending = this.queue.splice(0, this.maxBatch);
    if (pending.length === 0) return;
    const start = { ...this.tip };
    const batch: Batch = { id: ++this.batches, pending, outcomes: [], revisions: [], keys: [], claims: [], end: start, claimsChecked: this.claimsInSql };
    this.staged = { events: [], idempotency: [], unique: [] };
    try {
      batch.outcomes = this.runBatch(batch);
    } catch (error) {
      // Not a refusal but a fault while deciding (a read failing): nothing of the batch was sent.
      this.staged = null;
      this.forget(batch);
      this.tip = start;
      for (const p of pending) p.reject(error);
      this.schedule();
      return;
    }
    const rows = this.staged;
    this.staged = null;
    batch.end = { ...this.tip };
    if (rows.events.length === 0) {
      this.settle(batch);
      this.schedule();
      return;
    }
    this.inflight.push(batch);
    this.committer.commit({ expectHead: start.position, expectHash: start.hash, ...rows }).then(
      () => this.committed(batch),
      (error: unknown) => this.failed(batch, error),
    );
    this.schedule();
  }

  private committed(batch: Batch): void {
    this.inflight.shift();
    this.full = false;
    if (batch.claimsChecked && this.doomed.length === 0) this.claimsInSql = false;
    for (const [stream, revision] of batch.revisions) this.cacheRevision(stream, revision);
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
    this.tip = this.stmt.head.get() ?? { position: 0, hash: GENESIS_HASH };
    this.revisions.clear();
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

  /**
   * BEGIN IMMEDIATE on this thread's connection (a bulk import), then the head as the file has it:
   * should another process have appended, the tip and the remembered revisions are read again.
   */
  private begin(): void {
    this.w.begin.run();
    const head = this.w.head.get() ?? { position: 0, hash: GENESIS_HASH };
    if (head.position !== this.tip.position || head.hash !== this.tip.hash) {
      this.tip = head;
      this.revisions.clear();
    }
  }

  private runBatch(batch: Batch): Outcome[] {
    const outcomes: Outcome[] = new Array(batch.pending.length);
    for (let i = 0; i < batch.pending.length; i++) {
      const p = batch.pending[i]!;
      const firstPosition = this.tip.position + 1;
      // A stream appears once per appendMany: its new revisions, in the order of `appends`.
      let revisions: number[];
      let idemKey: string | null = null;
      try {
        revisions = p.appends.map((a) => this.check(a, this.pendingRevisions));
        this.checkUnique(p.appends, this.pendingClaims, this.claimsInSql);
        const idem = p.options.idempotency;
        if (idem) {
          idemKey = `${idem.userId}\u0000${idem.key}`;
          if (this.pendingKeys.has(idemKey) || this.w.getIdem.get(idem.userId, idem.key)) throw new IdempotencyKeyTaken(idem.userId, idem.key);
        }
      } catch (error) {
        if (!(error instanceof WrongExpectedVersion || error instanceof IdempotencyKeyTaken || error instanceof DomainError)) throw error;
        outcomes[i] = { error };
        continue;
      }
      for (const a of p.appends) {
        for (const e of a.events) {
          for (const u of this.uniqueKeys(e)) {
            this.pendingClaims.set(u.key, batch.id);
            batch.claims.push(u.key);
          }
        }
      }
      for (let k = 0; k < p.appends.length; k++) this.write(p.appends[k]!, revisions[k]!);
      const result: AppendResult = { nextExpectedRevision: revisions[revisions.length - 1] ?? -1, firstPosition, lastPosition: this.tip.position };
      this.remember(p.options, result);
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

  /**
   * The stream's revision as this batch sees it (`pending`: written by batches in flight), checked
   * against what the append expects; answers the revision it will have after the append. Nothing
   * is written.
   */
  private check(a: StreamAppend, pending: ReadonlyMap<string, { revision: number }> | null): number {
    const inFlight = pending?.get(a.streamId)?.revision;
    let current = inFlight ?? this.committedRevision(a.streamId);
    if (inFlight === undefined && this.expectedOf(current) !== a.expected && this.revisions.has(a.streamId)) {
      // The remembered revision may be stale if another process appended: the file decides (its
      // head will not be where this batch expects it, so the batch is decided again anyway).
      this.revisions.delete(a.streamId);
      current = this.committedRevision(a.streamId);
    }
    const actual = this.expectedOf(current);
    if (a.expected !== actual) throw new WrongExpectedVersion(a.streamId, a.expected, actual);
    return current + a.events.length;
  }

  private expectedOf(revision: number): ExpectedRevision {
    return revision < 0 ? 'no_stream' : revision;
  }

  /**
   * Data and metadata are stored in canonical JSON (keys sorted): serialised once, for the row
   * and for the hash alike.
   */
  private write(a: StreamAppend, last: number): void {
    let revision = last - a.events.length;
    for (const e of a.events) {
      revision += 1;
      const position = this.tip.position + 1;
      const data = canonicalJson(e.data);
      const metadata = canonicalJson(e.metadata);
      const hash = chainHashOfCanonical(this.tip.hash, { position, id: e.id, streamId: a.streamId, revision, type: e.type, schemaVersion: e.schemaVersion }, data, metadata);
      const row: EventRowValues = [position, e.id, a.streamId, revision, e.type, e.schemaVersion, data, metadata, e.metadata.recordedAt, hash];
      if (this.staged) this.staged.events.push(row);
      else this.w.insertEvent.run(...row);
      this.chunk?.push([position, e.id, a.streamId, revision, e.type, e.schemaVersion, data, metadata, hash]);
      for (const u of this.uniqueKeys(e)) {
        if (this.staged) this.staged.unique.push([u.key, position]);
        else this.w.putUnique.run(u.key, position);
      }
      this.tip = { position, hash };
    }
  }

  /** Stores the idempotency key's response; the key was checked to be free before anything was written. */
  private remember(options: AppendOptions, result: AppendResult): void {
    const idem = options.idempotency;
    if (!idem) return;
    const row: IdempotencyRowValues = [idem.userId, idem.key, idem.requestHash, JSON.stringify(idem.response(result)), result.lastPosition];
    if (this.staged) this.staged.idempotency.push(row);
    else this.w.putIdem.run(...row);
  }

  /**
   * Refuses an append whose events claim a unique value already claimed: by itself, by a batch in
   * flight (`claimed`), or (with `inSql`) by a committed event.
   */
  private checkUnique(appends: readonly StreamAppend[], claimed: ReadonlyMap<string, number> | null, inSql: boolean): void {
    const mine = new Set<string>();
    for (const a of appends) {
      for (const e of a.events) {
        for (const u of this.uniqueKeys(e)) {
          if (mine.has(u.key) || claimed?.has(u.key) || (inSql && this.w.getUnique.get(u.key))) throw u.conflict();
          mine.add(u.key);
        }
      }
    }
  }

  /** A log written before unique values were claimed in it: claim those its events hold, once. */
  private claimExistingKeys(): void {
    const claim = this.db.prepare('INSERT OR IGNORE INTO unique_keys (key, position) VALUES (?, ?)');
    this.db.transaction(() => {
      for (let after = 0; ; ) {
        const page = this.readAll(after, 5000);
        if (page.length === 0) break;
        for (const e of page) for (const u of this.uniqueKeys(e)) claim.run(u.key, e.position);
        after = page[page.length - 1]!.position;
      }
    }).immediate();
  }

  private committedRevision(streamId: string): number {
    const cached = this.revisions.get(streamId);
    if (cached !== undefined) return cached;
    return this.w.streamRevision.get(streamId)?.r ?? -1;
  }

  private cacheRevision(streamId: string, revision: number): void {
    this.revisions.delete(streamId);
    this.revisions.set(streamId, revision);
    if (this.revisions.size > REVISION_CACHE) this.revisions.delete(this.revisions.keys().next().value!);
  }

  private notify(head: number): void {
    for (const l of this.listeners) l(head);
  }
}

/** The log's prepared statements on one connection. */
function statements(db: Database.Database) {
  return {
    streamRevision: db.prepare<[string], { r: number | null }>('SELECT MAX(revision) AS r FROM events WHERE stream_id = ?'),
    insertEvent: db.prepare(
      'INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash) VALUES (?,?,?,?,?,?,?,?,?,?)',
    ),
    readStream: db.prepare<[string, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`),
    // Arrays, not objects: a replay reads every event of the log through this statement.
    readAll: db.prepare<[number, number], EventTuple>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`).raw(true),
    byPosition: db.prepare<[number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position = ?`),
    head: db.prepare<[], Tip>('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1'),
    getIdem: db.prepare<[string, string], { request_hash: string; response: string }>('SELECT request_hash, response FROM idempotency WHERE user_id = ? AND key = ?'),
    putIdem: db.prepare('INSERT INTO idempotency (user_id, key, request_hash, response, position) VALUES (?, ?, ?, ?, ?)'),
    getUnique: db.prepare<[string], { position: number }>('SELECT position FROM unique_keys WHERE key = ?'),
    putUnique: db.prepare('INSERT INTO unique_keys (key, position) VALUES (?, ?)'),
    positionAt: db.prepare<[string], { position: number }>('SELECT position FROM events WHERE recorded_at <= ? ORDER BY recorded_at DESC, position DESC LIMIT 1'),
    // Prepared once: db.exec would parse them again for every batch.
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
  };
}

/** A connection of its own for a bulk import, so that reads on the main one never see its uncommitted rows. */
function openBulkConnection(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // An import appends at the end of every index of the log (time-ordered ids, new streams): a small cache does.
  db.pragma('cache_size = -8192');
  return db;
}

/** A commit that found no room: the batch was rolled back, so its callers are told nothing was recorded. */
function storageFullOr(error: unknown): unknown {
  return isStorageFull(error) ? new StorageFull('log', (error as Error).message) : error;
}

/** SQLite's refusal of a second row for one unique value (unique_keys' primary key). */
function isClaimConflict(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return typeof e?.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT') && /unique_keys/.test(e.message ?? '');
}

/** A row of EVENT_COLUMNS in raw mode. */
export type EventTuple = [position: number, eventId: string, streamId: string, revision: number, type: string, schemaVersion: number, data: string, metadata: string, hash: string];

export function fromTuple(r: EventTuple): StoredEvent {
  return { id: r[1], streamId: r[2], revision: r[3], position: r[0], type: r[4], schemaVersion: r[5], data: JSON.parse(r[6]), metadata: JSON.parse(r[7]), hash: r[8] };
}

export function toStored(r: EventRow): StoredEvent {
  return {
    id: r.event_id,
    streamId: r.stream_id,
    revision: r.revision,
    position: r.position,
    type: r.type,
    schemaVersion: r.schema_version,
    data: JSON.parse(r.data),
    metadata: JSON.parse(r.metadata),
    hash: r.hash,
  };
}
