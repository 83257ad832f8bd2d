import type Database from 'better-sqlite3';
import type { AppendOptions, AppendResult, StreamAppend } from '../../../ledger/src/ports/event-store.port';
import type { AppendChecks } from './append-checks';
import {
  encodeAppend,
  encodeIdempotency,
  toTuple,
  type EventRowValues,
  type EventTuple,
  type IdempotencyRowValues,
  type RowSink,
  type UniqueKeyRowValues,
} from './log-rows';
import { logStatements, openLogConnection, type LogStatements } from './log-statements';
import { PageLimit, storageFullOr } from './storage-limits';

/** Events of a bulk import handed to the projector at a time. */
const BULK_CHUNK = 2000;
/** An import appends at the end of every index of the log (time-ordered ids, new streams): a small cache does. */
const BULK_CACHE_KIB = 8192;

/** Rows inserted as they are encoded, each event also kept for the import's `feed`. */
class InsertedRows implements RowSink {
  constructor(
    private readonly stmt: LogStatements,
    readonly chunk: EventTuple[] | null,
  ) {}
  putEvent(row: EventRowValues): void {
    this.stmt.insertEvent.run(...row);
    this.chunk?.push(toTuple(row));
  }
  putUnique(row: UniqueKeyRowValues): void {
    this.stmt.putUnique.run(...row);
  }
  putIdem(row: IdempotencyRowValues): void {
    this.stmt.putIdem.run(...row);
  }
}

/**
 * All-or-nothing appends of any size, read lazily from `appends` (a bulk import): one
 * transaction, one fsync, the same checks and hash chain as a group commit; the caller sees that no
 * batch is decided meanwhile. With `feed`, each chunk of events is handed to it as it is written
 * (the projector applies them meanwhile), awaited so that the projector sets the pace; the import
 * then writes through a connection of its own, since reads on `db` go on between chunks and must
 * not see rows that may yet be rolled back.
 */
export async function appendBulk(
  db: Database.Database,
  checks: AppendChecks,
  appends: Iterable<StreamAppend>,
  options: AppendOptions,
  feed?: (events: EventTuple[]) => Promise<void>,
): Promise<AppendResult> {
  const main = checks.stmt;
  const own = feed ? openLogConnection(db.name, BULK_CACHE_KIB, { fileMustExist: true }) : null;
  const stmt = own ? logStatements(own) : main;
  checks.stmt = stmt;
  new PageLimit('log').apply(own ?? db);
  let revision = -1;
  const idem = options.idempotency;
  const start = { ...checks.tip };
  try {
    stmt.begin.run();
    checks.syncWithFile();
    Object.assign(start, checks.tip);
    if (idem) checks.checkIdempotency(idem);
    // The stream's revision from the index, which sees this transaction's own rows: a stream
    // may come back later in the same import. Nothing is held per stream, however many there are.
    checks.forgetRevisions();
    const rows = new InsertedRows(stmt, feed ? [] : null);
    for (const a of appends) {
      revision = checks.check(a, null);
      checks.checkUnique([a], null, true);
      checks.tip = encodeAppend(a, revision, checks.tip, checks.uniqueKeys, rows);
      if (feed && rows.chunk!.length >= BULK_CHUNK) await feed(rows.chunk!.splice(0));
    }
    if (feed && rows.chunk!.length > 0) await feed(rows.chunk!.splice(0));
    const result: AppendResult = { nextExpectedRevision: revision, firstPosition: start.position + 1, lastPosition: checks.tip.position };
    encodeIdempotency(options, result, rows);
    stmt.commit.run();
    checks.forgetRevisions();
    return result;
  } catch (error) {
    if ((own ?? db).inTransaction) stmt.rollback.run();
    checks.tip = start;
    checks.forgetRevisions();
    throw storageFullOr(error);
  } finally {
    checks.stmt = main;
    own?.close();
  }
}
