import Database from 'better-sqlite3';
import { GENESIS_HASH, type StoredEvent } from '../../../ledger/src/ports/event-store.port';
import type { Doc } from '../../../ledger/src/ports/read-store.port';
import { docKey, project, type DocLookup, type Projection } from '../../../ledger/src/projections/projection';
import { READ_MODELS_VERSION, READ_SCHEMA, ensureVersionIndex, EVENT_COLUMNS } from './schema';
import { fromTuple, type EventTuple } from './log-rows';
import { PageLimit } from './storage-limits';

export type ProjectionOptions = Readonly<{ projections: readonly Projection[]; auditKeys: (e: StoredEvent) => readonly string[] }>;

export type ProjectionState = { position: number; hash: string; version: number; generation: number };

const READ_CACHE_KIB = 32_768;

/** Documents kept parsed between batches; past this many the cache starts again empty. */
const DOC_CACHE = 10_000;

/** Opens (creating if need be) a read-model file with the pragmas every connection to it uses; the writer's page cache is the larger. */
export function openReadModels(file: string, cacheKib = READ_CACHE_KIB): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // Derived data: a commit lost to a power cut is re-applied from the log, since the position it
  // reflects is committed with the documents. So no fsync per commit.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  // Read models grow to several times the log (a version per write); with SQLite's default 2 MiB
  // page cache, a large import spends its time re-reading index pages.
  db.pragma(`cache_size = -${cacheKib}`);
  db.exec(READ_SCHEMA);
  ensureVersionIndex(db);
  db.prepare('INSERT OR IGNORE INTO projection_state (id, position, hash, version, generation) VALUES (1, 0, ?, ?, 0)').run(GENESIS_HASH, READ_MODELS_VERSION);
  return db;
}

/**
 * Applies the log to the read models, a batch of events per transaction: the documents each
 * event's projections compute, a version of each at the event's position, the event's audit keys,
 * and the position reached (with that event's hash), all in one commit, so a crash can neither skip
 * nor double-apply an event. It is the read-model file's only writer but for a rebuild's switch,
 * which bumps the generation so the documents cached here are dropped.
 */
export class SqliteProjector {
  readonly db: Database.Database;
  private readonly log: Database.Database;
  private readonly cache = new DocCache();
  private generation = -1;
  /** The position this projector last committed (-1: none yet). */
  private reached = -1;
  /** The last event applied by the bulk transaction open, if one is. */
  private bulkLast: EventTuple | null = null;
  private readonly stmt;
  private readonly limit = new PageLimit('readModels');

  constructor(
    logFile: string,
    readFile: string,
    private readonly options: ProjectionOptions,
  ) {
    this.log = new Database(logFile, { fileMustExist: true });
    this.log.pragma('busy_timeout = 10000');
    this.db = openReadModels(readFile);
    this.stmt = {
      readAll: this.log.prepare<[number, number], EventTuple>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`).raw(true),
      hashAt: this.log.prepare<[number], { hash: string }>('SELECT hash FROM events WHERE position = ?'),
      begin: this.db.prepare('BEGIN IMMEDIATE'),
      commit: this.db.prepare('COMMIT'),
      rollback: this.db.prepare('ROLLBACK'),
      state: this.db.prepare<[], ProjectionState>('SELECT position, hash, version, generation FROM projection_state WHERE id = 1'),
      advance: this.db.prepare('UPDATE projection_state SET position = ?, hash = ? WHERE id = 1'),
      getDoc: this.db.prepare<[string, string], { body: string }>('SELECT body FROM documents WHERE collection = ? AND id = ?'),
      putDoc: this.db.prepare('INSERT INTO documents (collection, id, body) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body'),
      putVersion: this.db.prepare(
        'INSERT INTO document_versions (collection, id, position, body) VALUES (?, ?, ?, ?) ON CONFLICT (collection, id, position) DO UPDATE SET body = excluded.body',
      ),
      addKey: this.db.prepare('INSERT OR IGNORE INTO audit_keys (key, position) VALUES (?, ?)'),
    };
    this.resetIfForeign();
  }

  state(): ProjectionState {
    return this.stmt.state.get()!;
  }

  /**
   * Applies up to `limit` events after the position reached, in one transaction; answers the
   * position reached and how many events it applied (0: caught up with the log).
   */
  step(limit = 2000): { position: number; applied: number } {
    this.limit.apply(this.db);
    this.stmt.begin.run();
    try {
      const state = this.stmt.state.get()!;
      // A rebuild switched tables in, or another process's projector (a command-line import beside
      // a server) applied events since this one last did: what is cached may be stale.
      if (state.generation !== this.generation || state.position !== this.reached) {
        this.cache.clear();
        this.generation = state.generation;
      }
      const rows = this.stmt.readAll.all(state.position, limit);
      if (rows.length === 0) {
        this.stmt.rollback.run();
        this.reached = state.position;
        return { position: state.position, applied: 0 };
      }
      this.applyAll(rows);
      const last = rows[rows.length - 1]!;
      this.stmt.advance.run(last[0], last[8]);
      this.stmt.commit.run();
      this.reached = last[0];
      if (this.cache.size > DOC_CACHE) this.cache.clear();
      return { position: last[0], applied: rows.length };
    } catch (error) {
      if (this.db.inTransaction) this.stmt.rollback.run();
      this.cache.clear();
      throw error;
    }
  }

  /**
   * A bulk import, applied while the log is still writing it: one read-model transaction, opened
   * here and committed by `commitBulk` only after the log has committed the import (or rolled
   * back by `abortBulk` if it did not), fed the import's events as the log writes them. The read
   * models must have reached `from`, the log's head before the import.
   */
  beginBulk(from: number): void {
    this.limit.apply(this.db);
    this.stmt.begin.run();
    const state = this.stmt.state.get()!;
    if (state.position !== from) {
      this.stmt.rollback.run();
      throw new Error(`bulk projection: the read models are at ${state.position}, the import starts after ${from}`);
    }
    if (state.generation !== this.generation || state.position !== this.reached) {
      this.cache.clear();
      this.generation = state.generation;
    }
    this.bulkLast = null;
  }

  applyBulk(rows: readonly EventTuple[]): void {
    this.applyAll(rows);
    if (rows.length > 0) this.bulkLast = rows[rows.length - 1]!;
    // The transaction reads its own writes: past the bound, documents are read again from it.
    if (this.cache.size > DOC_CACHE) this.cache.clear();
  }

  commitBulk(): number {
    if (this.bulkLast) this.stmt.advance.run(this.bulkLast[0], this.bulkLast[8]);
    this.stmt.commit.run();
    this.reached = this.bulkLast ? this.bulkLast[0] : this.reached;
    this.bulkLast = null;
    return this.reached;
  }

  abortBulk(): void {
    if (this.db.inTransaction) this.stmt.rollback.run();
    this.cache.clear();
    this.bulkLast = null;
  }

  /** Steps until the read models reflect the whole log; answers the position reached. */
  catchUp(limit = 5000): number {
    for (;;) {
      const { position, applied } = this.step(limit);
      if (applied === 0) return position;
    }
  }

  close(): void {
    this.db.close();
    this.log.close();
  }

  /**
   * Every event's documents, a version of each at its position, and its audit keys. A document
   * written several times is stored once, as it ends; its versions all are.
   */
  private applyAll(rows: readonly EventTuple[]): void {
    const docs = new Map<string, { collection: string; id: string; body: string }>();
    for (const row of rows) {
      const e = fromTuple(row);
      for (const w of project(this.options.projections, e, this.lookup)) {
        const body = JSON.stringify(w.doc);
        this.cache.set(w.collection, w.id, w.doc);
        docs.set(docKey(w), { collection: w.collection, id: w.id, body });
        this.stmt.putVersion.run(w.collection, w.id, e.position, body);
      }
      for (const key of this.options.auditKeys(e)) this.stmt.addKey.run(key, e.position);
    }
    for (const d of docs.values()) this.stmt.putDoc.run(d.collection, d.id, d.body);
  }

  private readonly lookup: DocLookup = <T extends Doc>(collection: string, id: string): T | null => {
    let doc = this.cache.get(collection, id);
    if (doc === undefined) {
      const row = this.stmt.getDoc.get(collection, id);
      doc = row ? (JSON.parse(row.body) as Doc) : null;
      this.cache.set(collection, id, doc);
    }
    return doc as T | null;
  };

  /**
   * Read models built by a release with other projections, or beside another log (the event at
   * their position is not the one they were built from), are emptied and rebuilt from the start:
   * time travel must not answer from a history that starts in the middle or belongs elsewhere.
   */
  private resetIfForeign(): void {
    const s = this.state();
    const logHash = s.position === 0 ? GENESIS_HASH : (this.stmt.hashAt.get(s.position)?.hash ?? null);
    if (s.version === READ_MODELS_VERSION && logHash === s.hash) return;
    this.db
      .transaction(() => {
        this.db.exec('DELETE FROM documents; DELETE FROM document_versions; DELETE FROM audit_keys;');
        this.db
          .prepare('UPDATE projection_state SET position = 0, hash = ?, version = ?, generation = generation + 1 WHERE id = 1')
          .run(GENESIS_HASH, READ_MODELS_VERSION);
      })
      .immediate();
  }
}

/** Parsed documents by collection, then id: a lookup builds no key string. */
class DocCache {
  private readonly byCollection = new Map<string, Map<string, Doc | null>>();
  size = 0;

  get(collection: string, id: string): Doc | null | undefined {
    return this.byCollection.get(collection)?.get(id);
  }

  set(collection: string, id: string, doc: Doc | null): void {
    let c = this.byCollection.get(collection);
    if (!c) this.byCollection.set(collection, (c = new Map()));
    if (!c.has(id)) this.size += 1;
    c.set(id, doc);
  }

  clear(): void {
    this.byCollection.clear();
    this.size = 0;
  }
}
