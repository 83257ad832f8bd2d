import type Database from 'better-sqlite3';

/**
 * The embedded ledger is two SQLite files. The log file (`LEDGER_DB`) holds the events and the
 * idempotency keys, committed with synchronous=FULL: it is the ledger. The read-model file beside
 * it holds what is derived from the log (documents, their versions for time travel, the audit
 * index) and the position of the log it reflects, committed in the same transaction as the
 * documents; it can be deleted at any time and is rebuilt from the log when opened.
 *
 * Two files, because SQLite has one writer per file: the projector writes read models on its own
 * thread while appends go on, instead of every append waiting for a dozen document writes.
 */
export const LOG_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY,
  event_id       TEXT    NOT NULL UNIQUE,
  stream_id      TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  hash           TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE TRIGGER IF NOT EXISTS events_are_immutable BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'events are immutable: reverse them with a new event'); END;
CREATE TRIGGER IF NOT EXISTS events_are_permanent BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'events are permanent: reverse them with a new event'); END;
CREATE TABLE IF NOT EXISTS idempotency (
  user_id      TEXT NOT NULL,
  key          TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  response     TEXT NOT NULL,
  position     INTEGER NOT NULL,
  PRIMARY KEY (user_id, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_by_recorded_at ON events (recorded_at, position);
CREATE TABLE IF NOT EXISTS unique_keys (
  key      TEXT    PRIMARY KEY,
  position INTEGER NOT NULL
) WITHOUT ROWID;
`;

/**
 * Bumped whenever the read models change shape (a projection added or changed): a read-model file
 * built by another version is rebuilt when the ledger is opened.
 */
export const READ_MODELS_VERSION = 5;

/**
 * `projection_state` is one row: the log position (and that event's hash, so a read-model file is
 * never served beside a log it was not built from), the READ_MODELS_VERSION that built it, and a
 * generation bumped by every rebuild's switch so the projector drops the documents it had cached.
 *
 * Time travel: every write of a document also lands in `document_versions`, stamped with the
 * position of the event that wrote it, so a read at position P is "newest version ≤ P" (one index
 * seek per document).
 */
export const READ_SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  collection TEXT NOT NULL,
  id         TEXT NOT NULL,
  body       TEXT NOT NULL,
  PRIMARY KEY (collection, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS audit_keys (
  key      TEXT    NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (key, position)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS document_versions (
  collection TEXT    NOT NULL,
  id         TEXT    NOT NULL,
  position   INTEGER NOT NULL,
  body       TEXT    NOT NULL
);
CREATE TABLE IF NOT EXISTS projection_state (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  position   INTEGER NOT NULL,
  hash       TEXT    NOT NULL,
  version    INTEGER NOT NULL,
  generation INTEGER NOT NULL
);
`;

/** The read-model file that belongs to the log file `logFile`. */
export const readModelsFile = (logFile: string): string => `${logFile}.read-models`;

/**
 * Versions are whole documents: in a WITHOUT ROWID table keyed by (collection, id, position) every
 * insert lands mid-page with a large row. A rowid table (appends) with a separate unique index is
 * measured ~35% faster. The index is created by name only when the table has none, because a
 * rebuild switches in a versions table that carries its own index (sqlite-rebuild.ts).
 */
export function ensureVersionIndex(db: Database.Database): void {
  const indexed = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND tbl_name = 'document_versions' AND sql IS NOT NULL").get();
  if (!indexed) db.exec(versionIndexSql('document_versions', 'document_versions_by_doc'));
}

export const versionIndexSql = (table: string, name: string): string => `CREATE UNIQUE INDEX ${name} ON ${table} (collection, id, position);`;

/** What is read back of an event (its `recorded_at` column only indexes the metadata's stamp). */
export const EVENT_COLUMNS = 'position, event_id, stream_id, revision, type, schema_version, data, metadata, hash';

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
