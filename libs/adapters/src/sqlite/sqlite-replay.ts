import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { LOG_SCHEMA } from './schema';
import { SqliteLedgerStore } from './sqlite-ledger-store';
import type { RebuildOptions } from './sqlite-rebuild';

export type ReplayReport = Readonly<{ file: string; position: number; hash: string; events: number; ms: number }>;

/** Marks a replay copy: its log refuses appends (edits and deletes are refused in every ledger). */
const READ_ONLY = `
CREATE TRIGGER IF NOT EXISTS replay_copy_is_read_only BEFORE INSERT ON events
  BEGIN SELECT RAISE(ABORT, 'this ledger is a read-only replay copy'); END;
`;

/**
 * `ledger replay --to P --out FILE`: a new SQLite ledger holding the log's first P events,
 * byte for byte (so `ledger verify` checks the copy's chain and its head digest can be compared
 * with a signed checkpoint), and read models rebuilt from them by the current release. The copy
 * refuses appends; it is meant for the CLI's read commands and for any SQLite client.
 */
export async function replayCopy(sourceFile: string, outFile: string, position: number, options: RebuildOptions): Promise<ReplayReport> {
  const started = performance.now();
  if (existsSync(outFile)) throw new Error(`${outFile} already exists: a replay copy is always a new file`);
  const out = new Database(outFile);
  let events = 0;
  try {
    out.exec(LOG_SCHEMA);
    out.prepare('ATTACH DATABASE ? AS source').run(sourceFile);
    out.transaction(() => {
      events = out
        .prepare(
          'INSERT INTO main.events (position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash) ' +
            'SELECT position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash FROM source.events WHERE position <= ? ORDER BY position',
        )
        .run(position).changes;
    })();
    out.exec('DETACH DATABASE source');
  } finally {
    out.close();
  }
  // Opening it as a ledger builds its read models from its log, as for any file without them.
  const store = new SqliteLedgerStore(outFile, options);
  const head = await store.head();
  await store.close();
  const sealed = new Database(outFile);
  sealed.exec(READ_ONLY);
  sealed.pragma('journal_mode = DELETE');
  sealed.close();
  return { file: outFile, position: head.position, hash: head.hash, events, ms: Math.round(performance.now() - started) };
}
