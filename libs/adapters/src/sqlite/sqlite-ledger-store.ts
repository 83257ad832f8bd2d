import Database from 'better-sqlite3';
import {
  GENESIS_HASH,
  IdempotencyKeyTaken,
  WrongExpectedVersion,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type IdempotencyRecord,
  type NewEvent,
  type StoredEvent,
  type StreamAppend,
} from '../../../ledger/src/ports/event-store.port';
import type { Doc, HistoricalReadStore, IndexQuery, Scalar } from '../../../ledger/src/ports/read-store.port';
import { project, type DocLookup, type Projection } from '../../../ledger/src/projections/projection';
import { chainHash } from '../../../ledger/src/integrity/hash-chain';
import { READ_MODELS_VERSION, SCHEMA, ensureVersionIndex } from './schema';
import { ReadModelRebuild } from './sqlite-rebuild';

export type EventRow = {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  hash: string;
};

type PendingAppend = {
  appends: readonly StreamAppend[];
  options: AppendOptions;
  resolve: (r: AppendResult) => void;
  reject: (e: unknown) => void;
};

export type SqliteLedgerOptions = Readonly<{
  projections: readonly Projection[];
  auditKeys: (e: StoredEvent) => readonly string[];
  /** Most appends committed together in one transaction (one fsync). */
  maxBatch?: number;
}>;

const INLINE = 'inline';
/** The checkpoints row that records which READ_MODELS_VERSION built the read models. */
export const READ_MODELS = 'read-models-version';

/**
 * The embedded store: the event log and the read models in one SQLite file, WAL with
 * synchronous=FULL so a commit is on disk before its promise resolves.
 *
 * Group commit: appends that arrive while a commit is being prepared are queued and committed
 * together. Each runs inside its own savepoint, so each is still checked against its own expected
 * revision and a refused one rolls back alone; every caller is answered only after the one
 * transaction that holds its events has committed.
 */
export class SqliteLedgerStore implements EventStore, HistoricalReadStore {
  private readonly db: Database.Database;
  private readonly queue: PendingAppend[] = [];
  private scheduled = false;
  private tip: { position: number; hash: string };
  private readonly maxBatch: number;
  private readonly stmt;

  constructor(
    readonly file: string,
    private readonly options: SqliteLedgerOptions,
  ) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    ensureVersionIndex(this.db);
    this.maxBatch = options.maxBatch ?? 1000;
    this.stmt = {
      streamRevision: this.db.prepare<[string], { r: number | null }>('SELECT MAX(revision) AS r FROM events WHERE stream_id = ?'),
      insertEvent: this.db.prepare(
        'INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash) VALUES (?,?,?,?,?,?,?,?,?,?)',
      ),
      readStream: this.db.prepare<[string, number], EventRow>('SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision'),
      readAll: this.db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      byPosition: this.db.prepare<[number], EventRow>('SELECT * FROM events WHERE position = ?'),
      head: this.db.prepare<[], { position: number; hash: string }>('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1'),
      getDoc: this.db.prepare<[string, string], { body: string }>('SELECT body FROM documents WHERE collection = ? AND id = ?'),
      putDoc: this.db.prepare('INSERT INTO documents (collection, id, body) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body'),
      addKey: this.db.prepare('INSERT OR IGNORE INTO audit_keys (key, position) VALUES (?, ?)'),
      getIdem: this.db.prepare<[string, string], { request_hash: string; response: string }>('SELECT request_hash, response FROM idempotency WHERE user_id = ? AND key = ?'),
      putIdem: this.db.prepare('INSERT INTO idempotency (user_id, key, request_hash, response, position) VALUES (?, ?, ?, ?, ?)'),
      getCheckpoint: this.db.prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE name = ?'),
      // Prepared once: db.exec would parse them again for every command of every batch.
      begin: this.db.prepare('BEGIN IMMEDIATE'),
      savepoint: this.db.prepare('SAVEPOINT command'),
      release: this.db.prepare('RELEASE command'),
      rollbackTo: this.db.prepare('ROLLBACK TO command'),
      commit: this.db.prepare('COMMIT'),
      putCheckpoint: this.db.prepare('INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position'),
      getDocAt: this.db.prepare<[string, string, number], { body: string }>(
        'SELECT body FROM document_versions WHERE collection = ? AND id = ? AND position <= ? ORDER BY position DESC LIMIT 1',
      ),
      positionAt: this.db.prepare<[string], { position: number }>(
        'SELECT position FROM events WHERE recorded_at <= ? ORDER BY recorded_at DESC, position DESC LIMIT 1',
      ),
    };
    this.tip = this.stmt.head.get() ?? { position: 0, hash: GENESIS_HASH };
    this.upgradeReadModels();
    this.catchUpReadModels();
  }

  // ---- EventStore ----

  append(streamId: string, expected: ExpectedRevision, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    return this.appendMany([{ streamId, expected, events }], options);
  }

  appendMany(appends: readonly StreamAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ appends, options, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async readStream(streamId: string, fromRevision = 0): Promise<StoredEvent[]> {
    return this.stmt.readStream.all(streamId, fromRevision).map(toStored);
  }

  async readAll(afterPosition: number, limit: number): Promise<StoredEvent[]> {
    return this.stmt.readAll.all(afterPosition, limit).map(toStored);
  }

  async readPositions(positions: readonly number[]): Promise<StoredEvent[]> {
    return positions.map((p) => this.stmt.byPosition.get(p)).filter((r): r is EventRow => r !== undefined).map(toStored);
  }

  async head(): Promise<{ position: number; hash: string }> {
    return { ...this.tip };
  }

  async findIdempotency(userId: string, key: string): Promise<IdempotencyRecord | null> {
    const row = this.stmt.getIdem.get(userId, key);
    return row ? { requestHash: row.request_hash, response: JSON.parse(row.response) } : null;
  }

  async close(): Promise<void> {
    while (this.queue.length > 0 || this.scheduled) await new Promise((r) => setImmediate(r));
    this.db.close();
  }

  // ---- ReadStore ----

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    return this.getDocSync<T>(collection, id);
  }

  async find<T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>> = {}): Promise<T[]> {
    const { sql, params } = whereClause(where, 'body');
    const rows = this.db.prepare(`SELECT body FROM documents WHERE collection = ?${sql}`).all(collection, ...params) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as T);
  }

  async queryIndex(q: IndexQuery): Promise<number[]> {
    if (q.keys.length === 0) {
      return (this.db.prepare('SELECT position FROM events WHERE position > ? ORDER BY position LIMIT ?').all(q.afterPosition, q.limit) as { position: number }[]).map((r) => r.position);
    }
    const [first, ...rest] = q.keys;
    const sql =
      'SELECT k.position FROM audit_keys k WHERE k.key = ? AND k.position > ?' +
      rest.map(() => ' AND EXISTS (SELECT 1 FROM audit_keys o WHERE o.key = ? AND o.position = k.position)').join('') +
      ' ORDER BY k.position LIMIT ?';
    const rows = this.db.prepare(sql).all(first, q.afterPosition, ...rest, q.limit) as { position: number }[];
    return rows.map((r) => r.position);
  }

  async checkpoint(): Promise<number> {
    return this.stmt.getCheckpoint.get(INLINE)?.position ?? 0;
  }

  async getAt<T extends Doc>(collection: string, id: string, position: number): Promise<T | null> {
    const row = this.stmt.getDocAt.get(collection, id, position);
    return row ? (JSON.parse(row.body) as T) : null;
  }

  async findAt<T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>>, position: number): Promise<T[]> {
    // Candidates by the current documents (the fields of `where` never change), then one seek each.
    const { sql, params } = whereClause(where, 'd.body');
    const rows = this.db
      .prepare(
        'SELECT (SELECT v.body FROM document_versions v WHERE v.collection = d.collection AND v.id = d.id AND v.position <= ? ORDER BY v.position DESC LIMIT 1) AS body' +
          ` FROM documents d WHERE d.collection = ?${sql}`,
      )
      .all(position, collection, ...params) as { body: string | null }[];
    const out: T[] = [];
    for (const r of rows) {
      if (r.body === null) continue;
      const doc = JSON.parse(r.body) as T;
      if (Object.entries(where).every(([f, v]) => ((doc as Record<string, unknown>)[f] ?? null) === v)) out.push(doc);
    }
    return out;
  }

  async positionAt(instant: string): Promise<number> {
    return this.stmt.positionAt.get(instant)?.position ?? 0;
  }

  /** For sqlite-bulk-append.ts only: the connection, the options and the chain tip, used synchronously between flushes. */
  bulkAccess() {
    return { db: this.db, options: this.options, tip: () => ({ ...this.tip }), setTip: (tip: { position: number; hash: string }) => void (this.tip = { ...tip }) };
  }

  // ---- the write path ----

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    const outcomes: ({ ok: AppendResult } | { error: unknown })[] = [];
    const startHead = { ...this.tip };
    try {
      this.stmt.begin.run();
      for (const p of batch) {
        const before = { ...this.tip };
        this.stmt.savepoint.run();
        try {
          outcomes.push({ ok: this.appendNow(p) });
          this.stmt.release.run();
        } catch (error) {
          this.stmt.rollbackTo.run();
          this.stmt.release.run();
          this.tip = before;
          outcomes.push({ error });
        }
      }
      this.stmt.putCheckpoint.run(INLINE, this.tip.position);
      this.stmt.commit.run();
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.tip = startHead;
      for (const p of batch) p.reject(error);
      this.rescheduleIfQueued();
      return;
    }
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if ('ok' in o) p.resolve(o.ok);
      else p.reject(o.error);
    });
    this.rescheduleIfQueued();
  }

  private rescheduleIfQueued(): void {
    if (this.queue.length > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private appendNow(p: PendingAppend): AppendResult {
    const firstPosition = this.tip.position + 1;
    let revision = -1;
    for (const a of p.appends) revision = this.appendStream(a);
    const result: AppendResult = { nextExpectedRevision: revision, firstPosition, lastPosition: this.tip.position };
    const idem = p.options.idempotency;
    if (idem) {
      if (this.stmt.getIdem.get(idem.userId, idem.key)) throw new IdempotencyKeyTaken(idem.userId, idem.key);
      this.stmt.putIdem.run(idem.userId, idem.key, idem.requestHash, JSON.stringify(idem.response(result)), result.lastPosition);
    }
    return result;
  }

  private appendStream(a: StreamAppend): number {
    const current = this.stmt.streamRevision.get(a.streamId)?.r ?? null;
    const actual = current === null ? 'no_stream' : current;
    if (a.expected !== actual) throw new WrongExpectedVersion(a.streamId, a.expected, actual);
    let revision = current === null ? -1 : current;
    for (const e of a.events) {
      revision += 1;
      const unhashed = { ...e, streamId: a.streamId, revision, position: this.tip.position + 1 };
      const stored: StoredEvent = { ...unhashed, hash: chainHash(this.tip.hash, unhashed) };
      this.stmt.insertEvent.run(
        stored.position,
        stored.id,
        stored.streamId,
        stored.revision,
        stored.type,
        stored.schemaVersion,
        JSON.stringify(stored.data),
        JSON.stringify(stored.metadata),
        stored.metadata.recordedAt,
        stored.hash,
      );
      this.tip = { position: stored.position, hash: stored.hash };
      this.applyReadModels(stored);
    }
    return revision;
  }

  private applyReadModels(e: StoredEvent): void {
    // Projections look a document up to check its position and again to apply: read it once.
    const seen = new Map<string, Doc | null>();
    const lookup: DocLookup = <T extends Doc>(collection: string, id: string) => {
      const key = `${collection}\u0000${id}`;
      let doc = seen.get(key);
      if (doc === undefined) seen.set(key, (doc = this.getDocSync(collection, id)));
      return doc as T | null;
    };
    for (const w of project(this.options.projections, e, lookup)) this.stmt.putDoc.run(w.collection, w.id, JSON.stringify(w.doc));
    for (const key of this.options.auditKeys(e)) this.stmt.addKey.run(key, e.position);
  }

  private getDocSync<T extends Doc>(collection: string, id: string): T | null {
    const row = this.stmt.getDoc.get(collection, id);
    return row ? (JSON.parse(row.body) as T) : null;
  }

  /**
   * Read models built by a release with other projections (or without their history) are rebuilt
   * from the log before the store serves anything: time travel must not answer from a history
   * that starts in the middle.
   */
  private upgradeReadModels(): void {
    if (this.stmt.getCheckpoint.get(READ_MODELS)?.position === READ_MODELS_VERSION) return;
    if (this.tip.position > 0) ReadModelRebuild.start(this.db, this.options).runSync();
    this.stmt.putCheckpoint.run(READ_MODELS, READ_MODELS_VERSION);
  }

  /** Read models written by an older release (or lost with a copied file) are brought up to the log on open. */
  private catchUpReadModels(): void {
    let from = this.stmt.getCheckpoint.get(INLINE)?.position ?? 0;
    while (from < this.tip.position) {
      const rows = this.stmt.readAll.all(from, 5000);
      this.db.transaction(() => {
        for (const row of rows) this.applyReadModels(toStored(row));
        from = rows[rows.length - 1]!.position;
        this.stmt.putCheckpoint.run(INLINE, from);
      })();
    }
  }
}

function whereClause(where: Readonly<Record<string, Scalar>>, body: string): { sql: string; params: unknown[] } {
  let sql = '';
  const params: unknown[] = [];
  for (const [field, value] of Object.entries(where)) {
    if (!/^[A-Za-z0-9_]+$/.test(field)) throw new Error(`find: bad field name '${field}'`);
    if (value === null) sql += ` AND json_extract(${body}, '$.${field}') IS NULL`;
    else {
      sql += ` AND json_extract(${body}, '$.${field}') = ?`;
      params.push(typeof value === 'boolean' ? Number(value) : value);
    }
  }
  return { sql, params };
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
