import type { BulkAppend } from '../../../ledger/src/commands/households/import-households';
import { IdempotencyKeyTaken, WrongExpectedVersion, type AppendResult, type StoredEvent } from '../../../ledger/src/ports/event-store.port';
import type { Doc } from '../../../ledger/src/ports/read-store.port';
import { project, type DocLookup } from '../../../ledger/src/projections/projection';
import { chainHash } from '../../../ledger/src/integrity/hash-chain';
import type { SqliteLedgerStore } from './sqlite-ledger-store';

const DOC_CACHE = 5_000;
/** Pages the bulk transaction may keep in memory (KiB); past that SQLite spills them to the WAL. */
const BULK_CACHE_KIB = 8_192;

/**
 * All-or-nothing appends of any size, read lazily: one BEGIN IMMEDIATE … COMMIT (one fsync) on the
 * store's own connection, with the same checks, hash chain, read models and audit keys as
 * `SqliteLedgerStore.appendMany`, but without holding the appends as an array, and with the
 * documents a run of events keeps reading kept parsed in a small cache.
 *
 * It runs synchronously from BEGIN to COMMIT: the store's group commit also runs synchronously, so
 * the two never interleave on the connection. The price is that the event loop is busy for the
 * length of the write (about a minute for a million households); see the report of issue 5.
 */
export function sqliteBulkAppend(store: SqliteLedgerStore): BulkAppend {
  return async (appends, options) => {
    // Let queued single commands commit first, so that they are not kept waiting behind the import.
    await new Promise((r) => setImmediate(r));
    const { db, options: o, tip: readTip, setTip } = store.bulkAccess();
    const stmt = {
      streamRevision: db.prepare<[string], { r: number | null }>('SELECT MAX(revision) AS r FROM events WHERE stream_id = ?'),
      insertEvent: db.prepare('INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash) VALUES (?,?,?,?,?,?,?,?,?,?)'),
      getDoc: db.prepare<[string, string], { body: string }>('SELECT body FROM documents WHERE collection = ? AND id = ?'),
      putDoc: db.prepare('INSERT INTO documents (collection, id, body) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body'),
      addKey: db.prepare('INSERT OR IGNORE INTO audit_keys (key, position) VALUES (?, ?)'),
      getIdem: db.prepare<[string, string], { request_hash: string }>('SELECT request_hash FROM idempotency WHERE user_id = ? AND key = ?'),
      putIdem: db.prepare('INSERT INTO idempotency (user_id, key, request_hash, response, position) VALUES (?, ?, ?, ?, ?)'),
      putCheckpoint: db.prepare("INSERT INTO checkpoints (name, position) VALUES ('inline', ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position"),
    };
    // Documents a run of events keeps reading (a household's, its commune's statistics), kept parsed.
    const cache = new Map<string, { doc: Doc | null }>();
    const lookup: DocLookup = <T extends Doc>(collection: string, id: string): T | null => {
      const key = `${collection}\u0000${id}`;
      let c = cache.get(key);
      if (!c) {
        const row = stmt.getDoc.get(collection, id);
        c = { doc: row ? (JSON.parse(row.body) as Doc) : null };
        cache.set(key, c);
      }
      return c.doc as T | null;
    };

    const start = readTip();
    let tip = start;
    let revision = -1;
    const cacheSize = db.pragma('cache_size', { simple: true }) as number;
    db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
    try {
      db.exec('BEGIN IMMEDIATE');
      for (const a of appends) {
        const current = stmt.streamRevision.get(a.streamId)?.r ?? null;
        const actual = current === null ? 'no_stream' : current;
        if (a.expected !== actual) throw new WrongExpectedVersion(a.streamId, a.expected, actual);
        revision = current ?? -1;
        for (const e of a.events) {
          revision += 1;
          const unhashed = { ...e, streamId: a.streamId, revision, position: tip.position + 1 };
          const stored: StoredEvent = { ...unhashed, hash: chainHash(tip.hash, unhashed) };
          stmt.insertEvent.run(stored.position, stored.id, stored.streamId, stored.revision, stored.type, stored.schemaVersion, JSON.stringify(stored.data), JSON.stringify(stored.metadata), stored.metadata.recordedAt, stored.hash);
          tip = { position: stored.position, hash: stored.hash };
          for (const w of project(o.projections, stored, lookup)) {
            lookup(w.collection, w.id);
            cache.get(`${w.collection}\u0000${w.id}`)!.doc = w.doc;
            // Written through, not coalesced: every version of a document, at its own position, is
            // what the document history (time travel) records from this table.
            stmt.putDoc.run(w.collection, w.id, JSON.stringify(w.doc));
          }
          for (const key of o.auditKeys(stored)) stmt.addKey.run(key, stored.position);
        }
        if (cache.size > DOC_CACHE) cache.clear();
      }
      const result: AppendResult = { nextExpectedRevision: revision, firstPosition: start.position + 1, lastPosition: tip.position };
      const idem = options.idempotency;
      if (idem) {
        if (stmt.getIdem.get(idem.userId, idem.key)) throw new IdempotencyKeyTaken(idem.userId, idem.key);
        stmt.putIdem.run(idem.userId, idem.key, idem.requestHash, JSON.stringify(idem.response(result)), result.lastPosition);
      }
      stmt.putCheckpoint.run(tip.position);
      db.exec('COMMIT');
      setTip(tip);
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    } finally {
      db.pragma(`cache_size = ${cacheSize}`);
    }
  };
}
