import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { readModelsFile } from './schema';

/**
 * Files kept beside the log that a backup must carry with it, by the suffix added to the log's
 * path: the households' data keys (crypto-shredding, sqlite-household-keys.ts). A log restored
 * without its keys would show no household's personal fields. They are copied after the log, so
 * the copy holds every key the copied events were sealed with (a key is durable before its event).
 */
export const BACKUP_COMPANIONS: readonly string[] = ['.keys'];

/**
 * An online, consistent copy of one SQLite file through SQLite's backup API, taken while a server
 * writes: the whole file is copied in one step, under one read snapshot (WAL lets the server's
 * commits go on meanwhile; copying in small steps would restart at each commit of another
 * process and, under load, might never finish). Written beside `out` under another name and
 * renamed once complete, so a half-written copy never carries the backup's name; stored in
 * rollback-journal mode, so the backup is one self-contained file.
 */
export async function backupFile(source: string, out: string): Promise<void> {
  if (existsSync(out)) throw new Error(`${out} already exists: a backup is always a new file`);
  const partial = join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(partial, { progress: () => 0x7fffffff });
    const copy = new Database(partial);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    renameSync(partial, out);
  } finally {
    db.close();
    rmSync(partial, { force: true });
  }
}

/** Every file a backup of `log` is made of: the log, then its companions. */
export function backupParts(log: string, out: string): { from: string; to: string }[] {
  return [{ from: log, to: out }, ...BACKUP_COMPANIONS.filter((s) => existsSync(`${log}${s}`)).map((s) => ({ from: `${log}${s}`, to: `${out}${s}` }))];
}

/**
 * Whether a process (a server) holds the file open. In WAL mode every connection keeps a shared
 * lock on the database file for as long as it is open, so an exclusive lock, asked for without
 * waiting, is refused exactly then. Nothing is written.
 */
export function isHeldOpen(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the log at `target` (the server stopped): the backup is copied under
 * a temporary name and renamed over the target, whose leftovers of a last run (its -wal and -shm,
 * its read models) are removed, so nothing of the old ledger mixes with the restored one. An
 * existing log is kept aside as `<target>.before-restore-<time>` (with its -wal), not deleted. The read models are
 * rebuilt by whoever opens the ledger next.
 */
export async function restoreFile(backup: string, target: string, now: Date): Promise<{ keptAside: string | null }> {
  let keptAside: string | null = null;
  const incoming = join(dirname(target), `.${basename(target)}.restoring-${process.pid}`);
  try {
    await backupFile(backup, incoming);
    if (existsSync(target)) {
      keptAside = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target, keptAside);
      // Commits a crash left unmerged belong to the log kept aside.
      if (existsSync(`${target}-wal`)) renameSync(`${target}-wal`, `${keptAside}-wal`);
    }
    for (const leftover of [`${target}-shm`, ...withJournals(readModelsFile(target))]) rmSync(leftover, { force: true });
    renameSync(incoming, target);
  } finally {
    rmSync(incoming, { force: true });
  }
  return { keptAside };
}

const withJournals = (file: string): string[] => [file, `${file}-wal`, `${file}-shm`];
