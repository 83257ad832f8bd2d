import Database from 'better-sqlite3';
import { copyFileSync, constants, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { GENESIS_HASH, type StoredEvent } from '../../../ledger/src/ports/event-store.port';
import { EVENT_COLUMNS } from './schema';
import { fromTuple, type EventTuple } from './log-rows';

type Tip = { position: number; hash: string };

/**
 * The log file read by someone who must not change it: a verifier, a backup checker.
 *
 * SQLite's read-only flag is not enough. A WAL-mode file opened read-only still gets a -wal and a
 * -shm created beside it (the wal-index lives in the -shm), and they stay behind after close; the
 * only way around that (`immutable=1`) needs URI filenames, which better-sqlite3 leaves off. So:
 *
 * - when a -wal and a -shm are both there, a server has the log open (or left it so): the file is
 *   opened read-only in place and reads the committed pages of the -wal through the existing
 *   -shm, under SQLite's locks, so a consistent snapshot is read while the server writes. Nothing
 *   is created; SQLite may update the read marks inside the -shm, which holds no data.
 * - otherwise the log is at rest: it (and its -wal, committed pages a crash left unmerged) is
 *   copied into a private temporary folder and the copy is read, so nothing is created beside the
 *   log and neither its bytes nor its times change. This costs the log's size in the temporary
 *   folder for as long as the reader is open.
 */
export class ReadOnlyEventLog {
  private readonly readPage: Database.Statement<[number, number], EventTuple>;
  private readonly tip: Database.Statement<[], Tip>;

  private constructor(
    private readonly db: Database.Database,
    private readonly cleanup: () => void,
  ) {
    const hasEvents = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get() !== undefined;
    if (!hasEvents) throw new Error('the file holds no events table: it is not a ledger log');
    this.readPage = db.prepare<[number, number], EventTuple>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`).raw(true);
    this.tip = db.prepare<[], Tip>('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1');
  }

  static open(file: string): ReadOnlyEventLog {
    if (!existsSync(file)) throw new Error(`no ledger at ${file}`);
    if (existsSync(`${file}-wal`) && existsSync(`${file}-shm`)) {
      return ReadOnlyEventLog.guarded(new Database(file, { readonly: true, fileMustExist: true }), () => {});
    }
    const dir = mkdtempSync(join(tmpdir(), 'ledger-read-only-'));
    const remove = () => rmSync(dir, { recursive: true, force: true });
    try {
      const copy = snapshot(file, join(dir, basename(file)));
      return ReadOnlyEventLog.guarded(new Database(copy, { readonly: true, fileMustExist: true }), remove);
    } catch (error) {
      remove();
      throw error;
    }
  }

  private static guarded(db: Database.Database, cleanup: () => void): ReadOnlyEventLog {
    try {
      // Reads run inside one transaction so that every page sees the same snapshot of a live log.
      db.pragma('query_only = ON');
      db.prepare('BEGIN').run();
      return new ReadOnlyEventLog(db, cleanup);
    } catch (error) {
      db.close();
      cleanup();
      throw error;
    }
  }

  /** Async to fit the verifier's page reader (an EventStore's); a row that cannot be decoded rejects. */
  async readAll(afterPosition: number, limit: number): Promise<StoredEvent[]> {
    return this.readPage.all(afterPosition, limit).map(fromTuple);
  }

  head(): Tip {
    return this.tip.get() ?? { position: 0, hash: GENESIS_HASH };
  }

  close(): void {
    try {
      if (this.db.open) this.db.close();
    } finally {
      this.cleanup();
    }
  }
}

/**
 * Copies the log and its -wal. Reading them changes neither; a server that started writing during
 * the copy would leave a torn copy, which is refused rather than reported as a broken chain.
 */
function snapshot(file: string, copy: string): string {
  const parts = [file, `${file}-wal`];
  const before = parts.map(fingerprint);
  const shm = existsSync(`${file}-shm`);
  // FICLONE: a copy-on-write clone where the filesystem offers one (instant), a plain copy elsewhere.
  for (const [i, part] of parts.entries()) if (before[i] !== null) copyFileSync(part, `${copy}${part.slice(file.length)}`, constants.COPYFILE_FICLONE);
  const after = parts.map(fingerprint);
  if (after.some((f, i) => f !== before[i]) || existsSync(`${file}-shm`) !== shm) {
    throw new Error(`${file} was written while it was being read; run again (or stop the server, or verify a backup)`);
  }
  return copy;
}

function fingerprint(file: string): string | null {
  if (!existsSync(file)) return null;
  const s = statSync(file, { bigint: true });
  return `${s.size}:${s.mtimeNs}:${s.ino}`;
}
