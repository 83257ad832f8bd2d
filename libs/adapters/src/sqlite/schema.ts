import type Database from 'better-sqlite3';

/**
 * One file holds the log, the read models, the audit index and the idempotency keys, so one
 * transaction covers an append and everything that follows from it. The triggers refuse edits
 * and deletes through the ledger's own connection; anything done behind its back breaks the
 * hash chain instead, which `ledger verify` finds.
 */
/**
 * Time travel: every write of a document also lands in `document_versions`, stamped with the
 * position of the event that wrote it, so a read at position P is "newest version ≤ P" (one index
 * seek per document). Triggers rather than the store's own statements, so that every writer of
 * `documents` (the inline projection, the bulk import, a rebuild's switch) keeps the history.
 */
export const HISTORY_TRIGGERS = `
CREATE TRIGGER IF NOT EXISTS documents_history_on_insert AFTER INSERT ON documents BEGIN
  INSERT INTO document_versions (collection, id, position, body)
  VALUES (NEW.collection, NEW.id, coalesce(json_extract(NEW.body, '$._position'), 0), NEW.body)
  ON CONFLICT (collection, id, position) DO UPDATE SET body = excluded.body;
END;
CREATE TRIGGER IF NOT EXISTS documents_history_on_update AFTER UPDATE ON documents BEGIN
  INSERT INTO document_versions (collection, id, position, body)
  VALUES (NEW.collection, NEW.id, coalesce(json_extract(NEW.body, '$._position'), 0), NEW.body)
  ON CONFLICT (collection, id, position) DO UPDATE SET body = excluded.body;
END;
`;

/**
 * Bumped whenever the read models change shape (a projection added or changed, history added):
 * a file whose read models were built by another version gets them rebuilt when it is opened.
 */
export const READ_MODELS_VERSION = 2;

export const SCHEMA = `
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
CREATE TABLE IF NOT EXISTS idempotency (
  user_id      TEXT NOT NULL,
  key          TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  response     TEXT NOT NULL,
  position     INTEGER NOT NULL,
  PRIMARY KEY (user_id, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS checkpoints (
  name     TEXT PRIMARY KEY,
  position INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_by_recorded_at ON events (recorded_at, position);
CREATE TABLE IF NOT EXISTS document_versions (
  collection TEXT    NOT NULL,
  id         TEXT    NOT NULL,
  position   INTEGER NOT NULL,
  body       TEXT    NOT NULL
);
${HISTORY_TRIGGERS}`;

/**
 * Versions are whole documents: in a WITHOUT ROWID table keyed by (collection, id, position) every
 * insert lands mid-page with a large row. A rowid table (appends) with a separate unique index is
 * measured ~35% faster on the append path. The index is created by name only when the table has
 * none, because a rebuild switches in a versions table that carries its own index (sqlite-rebuild.ts).
 */
export function ensureVersionIndex(db: Database.Database): void {
  const indexed = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND tbl_name = 'document_versions' AND sql IS NOT NULL").get();
  if (!indexed) db.exec(versionIndexSql('document_versions', 'document_versions_by_doc'));
}

export const versionIndexSql = (table: string, name: string): string => `CREATE UNIQUE INDEX ${name} ON ${table} (collection, id, position);`;
