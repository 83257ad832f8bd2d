import Database from 'better-sqlite3';
import type { StoredEvent } from '../../../ledger/src/ports/event-store.port';
import type { Doc } from '../../../ledger/src/ports/read-store.port';
import { project, type DocLookup, type DocWrite, type Projection } from '../../../ledger/src/projections/projection';
import { readModelsFile, versionIndexSql, type EventRow, EVENT_COLUMNS } from './schema';
import { toStored } from './log-rows';
import { openReadModels } from './sqlite-projector';

export type RebuildOptions = Readonly<{ projections: readonly Projection[]; auditKeys: (e: StoredEvent) => readonly string[] }>;

/** The name under which `ledger projections rebuild` knows the audit index. */
export const AUDIT_INDEX = 'audit';

export type RebuildReport = Readonly<{
  /** A projection's name, `audit`, or `all`. */
  rebuilt: string;
  events: number;
  /** The log position the switched-in read models reflect. */
  position: number;
  collections: readonly string[];
  ms: number;
}>;

const NEW = { documents: 'rebuild_documents', versions: 'rebuild_document_versions', keys: 'rebuild_audit_keys' } as const;

/**
 * Rebuilds read models from the log into new tables of the read-model file while the live ones
 * keep serving, then switches them in atomically.
 *
 * The log is replayed in chunks, each in its own short write transaction, never past the position
 * the live read models have reached, so the projector (of this process or of a server on the same
 * files) goes on between chunks. The switch is one BEGIN IMMEDIATE transaction, during which the
 * live position cannot move: replay the tail up to it, then swap: rename the new tables over the
 * old ones (everything), or replace the collections one projection writes (a named rebuild), and
 * bump the generation so the projector drops what it had cached. A reader sees the old read models
 * or the new ones, never half of either, and both reflect the same position of the log.
 *
 * A named rebuild still replays every projection into the new tables, because projections look up
 * each other's documents (an allocation takes its unit's path); only the named one's collections
 * are switched in.
 */
export class ReadModelRebuild {
  private done = 0;
  private events = 0;
  private readonly written = new Set<string>();
  private readonly started = performance.now();
  private readonly stmt;

  private constructor(
    private readonly db: Database.Database,
    private readonly log: Database.Database,
    private readonly options: RebuildOptions,
    private readonly only: string | null,
    private readonly chunk: number,
  ) {
    this.stmt = {
      readAll: log.prepare<[number, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
      live: db.prepare<[], { position: number }>('SELECT position FROM projection_state WHERE id = 1'),
      getDoc: db.prepare<[string, string], { body: string }>(`SELECT body FROM ${NEW.documents} WHERE collection = ? AND id = ?`),
      putDoc: db.prepare(
        `INSERT INTO ${NEW.documents} (collection, id, body) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body`,
      ),
      putVersion: db.prepare(
        `INSERT INTO ${NEW.versions} (collection, id, position, body) VALUES (?, ?, ?, ?) ON CONFLICT (collection, id, position) DO UPDATE SET body = excluded.body`,
      ),
      addKey: db.prepare(`INSERT OR IGNORE INTO ${NEW.keys} (key, position) VALUES (?, ?)`),
    };
  }

  static names(projections: readonly Projection[]): string[] {
    return [...projections.map((p) => p.name), AUDIT_INDEX];
  }

  /** Creates the new tables (dropping what a crashed rebuild left) on `db`, a connection to the read-model file; `log` reads the log file. */
  static start(db: Database.Database, log: Database.Database, options: RebuildOptions, only: string | null = null, chunk = 5000): ReadModelRebuild {
    if (only !== null && !ReadModelRebuild.names(options.projections).includes(only)) {
      throw new Error(`no read model named '${only}' (known: ${ReadModelRebuild.names(options.projections).join(', ')})`);
    }
    db.exec(`
      DROP TABLE IF EXISTS ${NEW.documents}; DROP TABLE IF EXISTS ${NEW.versions}; DROP TABLE IF EXISTS ${NEW.keys};
      CREATE TABLE ${NEW.documents} (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (collection, id)) WITHOUT ROWID;
      CREATE TABLE ${NEW.versions} (collection TEXT NOT NULL, id TEXT NOT NULL, position INTEGER NOT NULL, body TEXT NOT NULL);
      ${versionIndexSql(NEW.versions, `rebuild_versions_by_doc_${Date.now()}`)}
      CREATE TABLE ${NEW.keys} (key TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (key, position)) WITHOUT ROWID;
    `);
    return new ReadModelRebuild(db, log, options, only, chunk);
  }

  /** Replays one chunk in its own transaction; true once the replay is close enough to the head to switch. */
  step(): boolean {
    let count = 0;
    let live = 0;
    this.db
      .transaction(() => {
        live = this.stmt.live.get()!.position;
        count = this.replay(Math.min(this.chunk, live - this.done));
      })
      .immediate();
    return this.done >= live || count === 0;
  }

  /** Catches up the tail and swaps the tables, in one BEGIN IMMEDIATE transaction. */
  switchOver(): RebuildReport {
    let collections: string[] = [];
    this.db
      .transaction(() => {
        const live = this.stmt.live.get()!.position;
        while (this.done < live && this.replay(Math.min(this.chunk, live - this.done)) > 0);
        if (this.done !== live) throw new Error(`rebuild: the log ends at ${this.done}, the read models are at ${live}`);
        if (this.only === null) {
          this.db.exec(`
          DROP TABLE documents; DROP TABLE document_versions; DROP TABLE audit_keys;
          ALTER TABLE ${NEW.documents} RENAME TO documents;
          ALTER TABLE ${NEW.versions} RENAME TO document_versions;
          ALTER TABLE ${NEW.keys} RENAME TO audit_keys;
        `);
          collections = (this.db.prepare('SELECT DISTINCT collection FROM documents ORDER BY collection').all() as { collection: string }[]).map(
            (r) => r.collection,
          );
        } else if (this.only === AUDIT_INDEX) {
          this.db.exec(`DROP TABLE audit_keys; ALTER TABLE ${NEW.keys} RENAME TO audit_keys;`);
        } else {
          collections = [...this.written].sort();
          for (const c of collections) {
            this.db.prepare('DELETE FROM documents WHERE collection = ?').run(c);
            this.db.prepare(`INSERT INTO documents (collection, id, body) SELECT collection, id, body FROM ${NEW.documents} WHERE collection = ?`).run(c);
            this.db.prepare('DELETE FROM document_versions WHERE collection = ?').run(c);
            this.db
              .prepare(
                `INSERT INTO document_versions (collection, id, position, body) SELECT collection, id, position, body FROM ${NEW.versions} WHERE collection = ?`,
              )
              .run(c);
          }
        }
        this.db.exec(`DROP TABLE IF EXISTS ${NEW.documents}; DROP TABLE IF EXISTS ${NEW.versions}; DROP TABLE IF EXISTS ${NEW.keys};`);
        this.db.exec('UPDATE projection_state SET generation = generation + 1 WHERE id = 1');
      })
      .immediate();
    return { rebuilt: this.only ?? 'all', events: this.events, position: this.done, collections, ms: Math.round(performance.now() - this.started) };
  }

  runSync(): RebuildReport {
    while (!this.step());
    return this.switchOver();
  }

  /** Between chunks, `pause` lets other work (this process's appends) run. */
  async run(pause: () => Promise<void> = () => new Promise((r) => setImmediate(r))): Promise<RebuildReport> {
    while (!this.step()) await pause();
    return this.switchOver();
  }

  private replay(limit: number): number {
    if (limit <= 0) return 0;
    const rows = this.stmt.readAll.all(this.done, limit);
    for (const row of rows) this.apply(toStored(row));
    return rows.length;
  }

  private apply(e: StoredEvent): void {
    const lookup: DocLookup = <T extends Doc>(collection: string, id: string) => {
      const row = this.stmt.getDoc.get(collection, id);
      return row ? (JSON.parse(row.body) as T) : null;
    };
    const writes: DocWrite[] = [];
    for (const p of this.options.projections) {
      const own = project([p], e, lookup);
      if (p.name === this.only) for (const w of own) this.written.add(w.collection);
      writes.push(...own);
    }
    for (const w of writes) {
      const body = JSON.stringify(w.doc);
      this.stmt.putDoc.run(w.collection, w.id, body);
      this.stmt.putVersion.run(w.collection, w.id, e.position, body);
    }
    if (this.only === null || this.only === AUDIT_INDEX) for (const key of this.options.auditKeys(e)) this.stmt.addKey.run(key, e.position);
    this.done = e.position;
    this.events += 1;
  }
}

/**
 * `ledger projections rebuild [name]` on the ledger whose log is `file`: on connections of its own,
 * so that it works the same whether the server runs in this process, in another one, or not at all.
 */
export async function rebuildReadModels(file: string, options: RebuildOptions, only: string | null = null, chunk = 5000): Promise<RebuildReport> {
  const log = new Database(file, { fileMustExist: true });
  const db = openReadModels(readModelsFile(file));
  try {
    log.pragma('busy_timeout = 10000');
    return await ReadModelRebuild.start(db, log, options, only, chunk).run();
  } finally {
    db.close();
    log.close();
  }
}
