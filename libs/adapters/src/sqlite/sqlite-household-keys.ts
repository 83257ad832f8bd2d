import Database from 'better-sqlite3';
import { KeyErased, type HouseholdKey, type HouseholdKeyStore, type KeyBatch } from '../../../ledger/src/personal-data/household-keys.port';
import { newKey } from '../../../ledger/src/personal-data/personal-cipher';
import { StorageFull } from '../../../ledger/src/ports/event-store.port';
import { isStorageFull } from './storage-limits';

/** A full disk refuses the write that needed a key with 507, as it refuses the log's. */
function writing<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (isStorageFull(error)) throw new StorageFull('household keys', (error as Error).message);
    throw error;
  }
}

export const keysFile = (logFile: string): string => (logFile === ':memory:' ? ':memory:' : `${logFile}.keys`);

const BATCH_CHUNK = 10_000;

type Row = { key: Buffer | null; erased_at: string | null };

/**
 * The household keys in a SQLite file of their own beside the log (`<LEDGER_DB>.keys`). A destroyed
 * key must leave no copy behind in the file: `secure_delete` overwrites freed bytes with zeros and a
 * rollback journal (not a WAL, which would keep old page images after the key is gone) is
 * truncated after each commit. FULL sync: a key is durable before the event sealed with it.
 */
export class SqliteHouseholdKeys implements HouseholdKeyStore {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<[string], Row>;
  private readonly insert: Database.Statement<[string, Buffer, string]>;
  private readonly insertIfAbsent: Database.Statement<[string, Buffer, string]>;
  private readonly erase: Database.Statement<[{ id: string; at: string }]>;

  constructor(readonly file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = TRUNCATE');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS household_keys (
      household_id TEXT PRIMARY KEY,
      key BLOB,
      created_at TEXT NOT NULL,
      erased_at TEXT
    ) WITHOUT ROWID`);
    this.select = this.db.prepare('SELECT key, erased_at FROM household_keys WHERE household_id = ?');
    this.insert = this.db.prepare('INSERT INTO household_keys (household_id, key, created_at) VALUES (?, ?, ?)');
    this.insertIfAbsent = this.db.prepare('INSERT INTO household_keys (household_id, key, created_at) VALUES (?, ?, ?) ON CONFLICT (household_id) DO NOTHING');
    // A tombstone: the row stays (the household was erased), its key is zeroed and then dropped.
    this.erase = this.db.prepare(`INSERT INTO household_keys (household_id, key, created_at, erased_at) VALUES (@id, NULL, @at, @at)
      ON CONFLICT (household_id) DO UPDATE SET key = NULL, erased_at = COALESCE(erased_at, @at)`);
  }

  get(householdId: string): HouseholdKey | null {
    const row = this.select.get(householdId);
    if (!row) return null;
    if (row.erased_at !== null || row.key === null) return { state: 'erased', erasedAt: row.erased_at ?? '' };
    return { state: 'active', key: row.key };
  }

  obtain(householdId: string): Buffer {
    const existing = this.get(householdId);
    if (existing?.state === 'erased') throw new KeyErased(householdId);
    if (existing) return existing.key;
    const key = newKey();
    writing(() => this.insert.run(householdId, key, new Date().toISOString()));
    return key;
  }

  /**
   * Keys of a bulk append are written a chunk at a time (one commit each) and the rest at `commit`,
   * not in one transaction held open through the import: single appends keep making their keys on
   * this connection meanwhile. A chunk written before the import fails leaves unused keys, harmless.
   */
  batch(): KeyBatch {
    const pending = new Map<string, Buffer>();
    const flush = this.db.transaction(() => {
      const now = new Date().toISOString();
      for (const [householdId, key] of pending) {
        this.insertIfAbsent.run(householdId, key, now);
        // Another request gave the household a key meanwhile: its events sealed here would not open.
        const stored = this.get(householdId);
        if (stored?.state !== 'active' || !stored.key.equals(key))
          throw new Error(`household '${householdId}' was given a key by another request during the import`);
      }
      pending.clear();
    });
    return {
      obtain: (householdId) => {
        const made = pending.get(householdId);
        if (made) return made;
        const existing = this.get(householdId);
        if (existing?.state === 'erased') throw new KeyErased(householdId);
        if (existing) return existing.key;
        const key = newKey();
        pending.set(householdId, key);
        if (pending.size >= BATCH_CHUNK) writing(flush);
        return key;
      },
      commit: () => writing(flush),
      abandon: () => pending.clear(),
    };
  }

  destroy(householdId: string, erasedAt: string): void {
    writing(() => this.erase.run({ id: householdId, at: erasedAt }));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
