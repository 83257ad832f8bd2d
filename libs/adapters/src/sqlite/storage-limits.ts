import { readFileSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { StorageFull } from '../../../ledger/src/ports/event-store.port';

/**
 * SQLite's answers that mean "no room": SQLITE_FULL (a write or a page allocation met ENOSPC, or
 * `max_page_count`), and SQLITE_IOERR_SHMSIZE (the -shm could not be grown). An I/O error on
 * fsync is not among them: SQLite cannot say whether the frames reached the disk, so it stays a
 * 500 ("unknown") rather than a 507 that promises nothing was recorded.
 */
export function isStorageFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE';
}

/** A commit that found no room: the batch was rolled back, so its callers are told nothing was recorded. */
export function storageFullOr(error: unknown): unknown {
  return isStorageFull(error) ? new StorageFull('log', (error as Error).message) : error;
}

/**
 * The test and operations knob LEDGER_PAGE_LIMITS: the path of a JSON file `{"log": pages,
 * "readModels": pages}` capping each file with `PRAGMA max_page_count`, past which SQLite answers
 * SQLITE_FULL exactly as on a full disk. Read again whenever the file changes (before every
 * commit of the log and every step of the projector), so a test fills the "disk" and frees it
 * without a restart; a missing file or key means no cap. Unset (the default), this costs nothing.
 */
export class PageLimit {
  private readonly path = process.env.LEDGER_PAGE_LIMITS || null;
  private seen: string | null = null;
  /** The connection's ceiling before any cap: what "no cap" restores. */
  private uncapped: number | null = null;

  constructor(private readonly which: 'log' | 'readModels') {}

  apply(db: Database.Database): void {
    if (!this.path) return;
    let stamp: string;
    try {
      const s = statSync(this.path);
      stamp = `${s.mtimeMs}:${s.size}`;
    } catch {
      stamp = 'absent';
    }
    if (stamp === this.seen) return;
    this.seen = stamp;
    const pages = stamp === 'absent' ? undefined : (JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, unknown>)[this.which];
    this.uncapped ??= db.pragma('max_page_count', { simple: true }) as number;
    // A cap below the file's size holds it at its size.
    db.pragma(`max_page_count = ${Number.isSafeInteger(pages) && (pages as number) > 0 ? pages : this.uncapped}`);
  }
}
