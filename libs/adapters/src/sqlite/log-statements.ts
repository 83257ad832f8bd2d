import Database from 'better-sqlite3';
import { GENESIS_HASH } from '../../../ledger/src/ports/event-store.port';
import { EVENT_COLUMNS, type EventRow } from './schema';
import type { EventTuple } from './log-rows';

export type Tip = { position: number; hash: string };

/**
 * Every connection that writes the log (the appending one, the committer's, a bulk import's) is
 * opened here, so durability is decided in one place: WAL with synchronous=FULL, so a commit is on
 * disk before it is answered. `cacheKib` is SQLite's page cache for this connection.
 */
export function openLogConnection(file: string, cacheKib: number, options: Database.Options = {}): Database.Database {
  const db = new Database(file, options);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = -${cacheKib}`);
  return db;
}

/** The log's prepared statements on one connection. */
export function logStatements(db: Database.Database) {
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
    getIdem: db.prepare<[string, string], { request_hash: string; response: string }>(
      'SELECT request_hash, response FROM idempotency WHERE user_id = ? AND key = ?',
    ),
    putIdem: db.prepare('INSERT INTO idempotency (user_id, key, request_hash, response, position) VALUES (?, ?, ?, ?, ?)'),
    getUnique: db.prepare<[string], { position: number }>('SELECT position FROM unique_keys WHERE key = ?'),
    putUnique: db.prepare('INSERT INTO unique_keys (key, position) VALUES (?, ?)'),
    positionAt: db.prepare<[string], { position: number }>(
      'SELECT position FROM events WHERE recorded_at <= ? ORDER BY recorded_at DESC, position DESC LIMIT 1',
    ),
    // Prepared once: db.exec would parse them again for every batch.
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
  };
}

export type LogStatements = ReturnType<typeof logStatements>;

/** The last event's position and hash as the file has them (genesis for an empty log). */
export function headOf(stmt: LogStatements): Tip {
  return stmt.head.get() ?? { position: 0, hash: GENESIS_HASH };
}
