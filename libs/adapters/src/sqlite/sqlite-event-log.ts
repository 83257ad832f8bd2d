import Database from 'better-sqlite3';
import {
  GENESIS_HASH,
  IdempotencyKeyTaken,
  WrongExpectedVersion,
  type AppendOptions,
  type AppendResult,
  type ExpectedRevision,
  type IdempotencyRecord,
  type NewEvent,
  type StoredEvent,
  type StreamAppend,
} from '../../../ledger/src/ports/event-store.port';
import { chainHashOfCanonical } from '../../../ledger/src/integrity/hash-chain';
import { canonicalJson } from '../../../ledger/src/integrity/canonical-json';
import { LOG_SCHEMA, type EventRow, EVENT_COLUMNS } from './schema';

type Pending = {
  appends: readonly StreamAppend[];
  options: AppendOptions;
  resolve: (r: AppendResult) => void;
  reject: (e: unknown) => void;
};

type Outcome = { ok: AppendResult } | { error: unknown };
type Tip = { position: number; hash: string };

const LOG_CACHE_KIB = 32_768;

/** Stream revisions remembered between batches; past this many the oldest are read again from the index. */
const REVISION_CACHE = 200_000;

/**
 * The log file: events and idempotency keys, WAL with synchronous=FULL, so a commit is on disk
 * before its promise resolves.
 *
 * Group commit: appends that arrive while a commit is being prepared are committed together in one
 * transaction (one fsync). Each is checked against its own expected revision and idempotency key
 * before anything of it is written, so a refused one writes nothing and the others go on; every
 * caller is answered only after the transaction that holds its events has committed. Should SQLite
 * itself refuse a statement halfway (a duplicate event id, a full disk), the batch is rolled back
 * and run again one command per savepoint, so only the command at fault fails.
 */
export class SqliteEventLog {
  readonly db: Database.Database;
  private readonly queue: Pending[] = [];
  private scheduled = false;
  private closed = false;
  private tip: Tip;
  /** Committed revision of each recently written stream (-1: no stream). */
  private readonly revisions = new Map<string, number>();
  private readonly listeners: ((head: number) => void)[] = [];
  private readonly stmt;

  constructor(
    readonly file: string,
    private readonly maxBatch = 1000,
  ) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    // The log's indexes (event id, stream and revision, time) outgrow SQLite's default 2 MiB page
    // cache within a few hundred thousand events; past it every append re-reads index pages.
    this.db.pragma(`cache_size = -${LOG_CACHE_KIB}`);
    this.db.exec(LOG_SCHEMA);
    this.stmt = {
      streamRevision: this.db.prepare<[string], { r: number | null }>('SELECT MAX(revision) AS r FROM events WHERE stream_id = ?'),
      insertEvent: this.db.prepare(
        'INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash) VALUES (?,?,?,?,?,?,?,?,?,?)',
      ),
      readStream: this.db.prepare<[string, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`),
      readAll: this.db.prepare<[number, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
      byPosition: this.db.prepare<[number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position = ?`),
      head: this.db.prepare<[], Tip>('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1'),
      getIdem: this.db.prepare<[string, string], { request_hash: string; response: string }>('SELECT request_hash, response FROM idempotency WHERE user_id = ? AND key = ?'),
      putIdem: this.db.prepare('INSERT INTO idempotency (user_id, key, request_hash, response, position) VALUES (?, ?, ?, ?, ?)'),
      positionAt: this.db.prepare<[string], { position: number }>('SELECT position FROM events WHERE recorded_at <= ? ORDER BY recorded_at DESC, position DESC LIMIT 1'),
      // Prepared once: db.exec would parse them again for every batch.
      begin: this.db.prepare('BEGIN IMMEDIATE'),
      commit: this.db.prepare('COMMIT'),
      rollback: this.db.prepare('ROLLBACK'),
      savepoint: this.db.prepare('SAVEPOINT command'),
      release: this.db.prepare('RELEASE command'),
      rollbackTo: this.db.prepare('ROLLBACK TO command'),
    };
    this.tip = this.stmt.head.get() ?? { position: 0, hash: GENESIS_HASH };
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
    return this.stmt.readAll.all(afterPosition, limit).map(toStored);
  }

  readPositions(positions: readonly number[]): StoredEvent[] {
    return positions.map((p) => this.stmt.byPosition.get(p)).filter((r): r is EventRow => r !== undefined).map(toStored);
  }

  head(): Tip {
    return { ...this.tip };
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
    while (this.queue.length > 0 || this.scheduled) await new Promise((r) => setImmediate(r));
    this.db.close();
  }

  /**
   * All-or-nothing appends of any size, read lazily from `appends` (a bulk import): one
   * transaction, one fsync, the same checks and hash chain as `appendMany`. Runs synchronously from
   * BEGIN to COMMIT, between two group commits, so the two never interleave on the connection.
   */
  async appendBulk(appends: Iterable<StreamAppend>, options: AppendOptions = {}): Promise<AppendResult> {
    // Let queued single commands commit first, so they are not kept waiting behind the import.
    await new Promise((r) => setImmediate(r));
    if (this.closed) throw new Error('the ledger is closed');
    let revision = -1;
    const idem = options.idempotency;
    this.begin();
    const start = { ...this.tip };
    try {
      if (idem && this.stmt.getIdem.get(idem.userId, idem.key)) throw new IdempotencyKeyTaken(idem.userId, idem.key);
      // The stream's revision from the index, which sees this transaction's own rows: a stream
      // may come back later in the same import. Nothing is held per stream, however many there are.
      this.revisions.clear();
      for (const a of appends) {
        revision = this.check(a, null);
        this.write(a, revision);
      }
      const result: AppendResult = { nextExpectedRevision: revision, firstPosition: start.position + 1, lastPosition: this.tip.position };
      this.remember(options, result);
      this.stmt.commit.run();
      this.notify();
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.stmt.rollback.run();
      this.tip = start;
      throw error;
    }
  }

  // ---- the write path ----

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    let start = { ...this.tip };
    let outcomes: Outcome[];
    let touched = new Map<string, number>();
    try {
      this.begin();
      start = { ...this.tip };
      try {
        outcomes = this.runBatch(batch, touched, false);
      } catch {
        // SQLite refused a statement mid-command: redo the batch with a savepoint per command.
        this.stmt.rollback.run();
        this.tip = { ...start };
        touched = new Map();
        this.begin();
        outcomes = this.runBatch(batch, touched, true);
      }
      this.stmt.commit.run();
    } catch (error) {
      if (this.db.inTransaction) this.stmt.rollback.run();
      this.tip = start;
      for (const p of batch) p.reject(error);
      this.schedule();
      return;
    }
    for (const [s, r] of touched) this.cacheRevision(s, r);
    if (this.tip.position > start.position) this.notify();
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if ('ok' in o) p.resolve(o.ok);
      else p.reject(o.error);
    });
    this.schedule();
  }

  /**
   * BEGIN IMMEDIATE, then the head as the file has it: should another process have appended to
   * this file (a command-line import beside a server), the tip and the remembered revisions are
   * read again instead of trusted.
   */
  private begin(): void {
    this.stmt.begin.run();
    const head = this.stmt.head.get() ?? { position: 0, hash: GENESIS_HASH };
    if (head.position !== this.tip.position) {
      this.tip = head;
      this.revisions.clear();
    }
  }

  private runBatch(batch: readonly Pending[], touched: Map<string, number>, careful: boolean): Outcome[] {
    const keys = new Set<string>();
    const outcomes: Outcome[] = new Array(batch.length);
    for (let i = 0; i < batch.length; i++) {
      const p = batch[i]!;
      const firstPosition = this.tip.position + 1;
      // A stream appears once per appendMany: its new revisions, in the order of `appends`.
      let revisions: number[];
      let idemKey: string | null = null;
      try {
        revisions = p.appends.map((a) => this.check(a, touched));
        const idem = p.options.idempotency;
        if (idem) {
          idemKey = `${idem.userId}\u0000${idem.key}`;
          if (keys.has(idemKey) || this.stmt.getIdem.get(idem.userId, idem.key)) throw new IdempotencyKeyTaken(idem.userId, idem.key);
        }
      } catch (error) {
        if (!(error instanceof WrongExpectedVersion || error instanceof IdempotencyKeyTaken)) throw error;
        outcomes[i] = { error };
        continue;
      }
      const before = this.tip;
      if (careful) this.stmt.savepoint.run();
      try {
        for (let k = 0; k < p.appends.length; k++) this.write(p.appends[k]!, revisions[k]!);
        const result: AppendResult = { nextExpectedRevision: revisions[revisions.length - 1] ?? -1, firstPosition, lastPosition: this.tip.position };
        this.remember(p.options, result);
        if (careful) this.stmt.release.run();
        if (idemKey) keys.add(idemKey);
        for (let k = 0; k < p.appends.length; k++) touched.set(p.appends[k]!.streamId, revisions[k]!);
        outcomes[i] = { ok: result };
      } catch (error) {
        if (!careful) throw error;
        this.stmt.rollbackTo.run();
        this.stmt.release.run();
        this.tip = before;
        outcomes[i] = { error };
      }
    }
    return outcomes;
  }

  /**
   * The stream's revision as this transaction sees it (`touched`: written earlier in it), checked
   * against what the append expects; answers the revision it will have after the append. Nothing
   * is written.
   */
  private check(a: StreamAppend, touched: ReadonlyMap<string, number> | null): number {
    const current = touched?.get(a.streamId) ?? this.committedRevision(a.streamId);
    const actual = current < 0 ? 'no_stream' : current;
    if (a.expected !== actual) throw new WrongExpectedVersion(a.streamId, a.expected, actual);
    return current + a.events.length;
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
      this.stmt.insertEvent.run(position, e.id, a.streamId, revision, e.type, e.schemaVersion, data, metadata, e.metadata.recordedAt, hash);
      this.tip = { position, hash };
    }
  }

  /** Stores the idempotency key's response; the key was checked to be free before anything was written. */
  private remember(options: AppendOptions, result: AppendResult): void {
    const idem = options.idempotency;
    if (!idem) return;
    this.stmt.putIdem.run(idem.userId, idem.key, idem.requestHash, JSON.stringify(idem.response(result)), result.lastPosition);
  }

  private committedRevision(streamId: string): number {
    const cached = this.revisions.get(streamId);
    if (cached !== undefined) return cached;
    return this.stmt.streamRevision.get(streamId)?.r ?? -1;
  }

  private cacheRevision(streamId: string, revision: number): void {
    this.revisions.delete(streamId);
    this.revisions.set(streamId, revision);
    if (this.revisions.size > REVISION_CACHE) this.revisions.delete(this.revisions.keys().next().value!);
  }

  private notify(): void {
    for (const l of this.listeners) l(this.tip.position);
  }
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
