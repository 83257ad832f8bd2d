import type { MessagePort } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type {
  AppendOptions,
  AppendResult,
  ExpectedRevision,
  IdempotencyRecord,
  NewEvent,
  StoredEvent,
  StreamAppend,
} from '../../../ledger/src/ports/event-store.port';
import { uniqueKeys as ledgerUniqueKeys, type UniqueKey } from '../../../ledger/src/distributed/unique-keys';
import { LOG_SCHEMA, type EventRow } from './schema';
import { InlineLogCommitter, WorkerLogCommitter, type LogCommitter } from './log-committer';
import { workerScript } from './worker-script';
import { AppendChecks } from './append-checks';
import { GroupCommit } from './group-commit';
import { appendBulk } from './log-bulk-append';
import { fromTuple, toStored, type EventTuple } from './log-rows';
import { headOf, logStatements, openLogConnection, type LogStatements, type Tip } from './log-statements';

/**
 * The log's indexes (event id, stream and revision, time) outgrow SQLite's default 2 MiB page
 * cache within a few hundred thousand events; past it every append re-reads index pages.
 */
export const LOG_CACHE_KIB = 32_768;

export type EventLogOptions = Readonly<{
  /** Most appends committed together in one transaction (one fsync). */
  maxBatch?: number;
  /**
   * Where group commits are written: on this thread (the default: fastest for a caller that waits
   * for each batch, as a bulk loader does), or on a worker thread, so that an event loop with other
   * work (the HTTP server) is not stopped by each fsync. The worker needs the compiled build.
   */
  committer?: 'worker' | 'inline';
  /** Values an event makes unique across streams (a disbursement id): a second event claiming one is refused. */
  uniqueKeys?: (e: NewEvent) => readonly UniqueKey[];
}>;

/**
 * The log file: events and idempotency keys, committed with synchronous=FULL (log-statements.ts),
 * so a commit is on disk before its promise resolves. Appends go through the group commit
 * (group-commit.ts), a bulk import through one transaction of its own (log-bulk-append.ts), never
 * both at once; both check appends the same way (append-checks.ts) and encode the same rows
 * (log-rows.ts).
 */
export class SqliteEventLog {
  readonly db: Database.Database;
  private readonly stmt: LogStatements;
  private readonly checks: AppendChecks;
  private readonly committer: LogCommitter;
  private readonly group: GroupCommit;
  /** Set while a bulk import writes. */
  private bulk = false;
  private closed = false;
  /** The head when the file was closed. */
  private finalHead: Tip | null = null;
  private readonly listeners: ((head: number) => void)[] = [];

  /** A commit found no room (a full disk), and none has succeeded since: GET /health says so meanwhile. */
  get full(): boolean {
    return this.group.full;
  }

  constructor(
    readonly file: string,
    options: EventLogOptions = {},
  ) {
    this.db = openLogConnection(file, LOG_CACHE_KIB);
    const claimsExisted = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'unique_keys'").get() !== undefined;
    this.db.exec(LOG_SCHEMA);
    this.stmt = logStatements(this.db);
    this.checks = new AppendChecks(this.stmt, options.uniqueKeys ?? ledgerUniqueKeys);
    if (!claimsExisted && this.checks.tip.position > 0) this.claimExistingKeys();
    const script = workerScript('log-committer-worker');
    const mode = options.committer ?? 'inline';
    if (mode === 'worker' && !script) throw new Error('the log committer worker runs only from the compiled build (npm run build)');
    this.committer = mode === 'worker' ? new WorkerLogCommitter(script!, file) : new InlineLogCommitter(file);
    this.group = new GroupCommit(this.checks, this.committer, options.maxBatch ?? 1000, (head) => this.notify(head));
  }

  /** Where the committer thread, if there is one, should also announce each new head; false when there is none. */
  announceCommitsTo(port: MessagePort): boolean {
    if (!this.committer.announceTo) return false;
    this.committer.announceTo(port);
    return true;
  }

  /** Called with the new head after every commit. */
  onCommit(listener: (head: number) => void): void {
    this.listeners.push(listener);
  }

  append(streamId: string, expected: ExpectedRevision, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    return this.appendMany([{ streamId, expected, events }], options);
  }

  appendMany(appends: readonly StreamAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('the ledger is closed'));
    return this.group.append(appends, options);
  }

  readStream(streamId: string, fromRevision = 0): StoredEvent[] {
    return this.stmt.readStream.all(streamId, fromRevision).map(toStored);
  }

  readAll(afterPosition: number, limit: number): StoredEvent[] {
    const rows = this.stmt.readAll.all(afterPosition, limit);
    const out: StoredEvent[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = fromTuple(rows[i]!);
    return out;
  }

  readPositions(positions: readonly number[]): StoredEvent[] {
    return positions
      .map((p) => this.stmt.byPosition.get(p))
      .filter((r): r is EventRow => r !== undefined)
      .map(toStored);
  }

  /** The head as the file has it (one index seek): it includes what another process appended since this one last did. */
  head(): Tip {
    if (this.finalHead) return { ...this.finalHead };
    return headOf(this.stmt);
  }

  findIdempotency(userId: string, key: string): IdempotencyRecord | null {
    const row = this.stmt.getIdem.get(userId, key);
    return row ? { requestHash: row.request_hash, response: JSON.parse(row.response) } : null;
  }

  positionAt(instant: string): number {
    return this.stmt.positionAt.get(instant)?.position ?? 0;
  }

  /** Waits for queued appends to commit, then closes the file. */
  async close(): Promise<void> {
    this.closed = true;
    while (!this.group.drained || this.bulk) await new Promise((r) => setImmediate(r));
    await this.committer.close();
    this.finalHead = this.head();
    this.db.close();
  }

  /**
   * All-or-nothing appends of any size (a bulk import, log-bulk-append.ts), between two group
   * commits: none is decided while it runs.
   */
  async appendBulk(appends: Iterable<StreamAppend>, options: AppendOptions = {}, feed?: (events: EventTuple[]) => Promise<void>): Promise<AppendResult> {
    // Let queued single commands commit first, so they are not kept waiting behind the import.
    while (this.bulk || !this.group.idle) await new Promise((r) => setImmediate(r));
    this.group.pause();
    if (this.closed) {
      this.group.resume();
      throw new Error('the ledger is closed');
    }
    this.bulk = true;
    try {
      const result = await appendBulk(this.db, this.checks, appends, options, feed);
      this.notify(result.lastPosition);
      return result;
    } finally {
      this.bulk = false;
      this.group.resume();
    }
  }

  /** A log written before unique values were claimed in it: claim those its events hold, once. */
  private claimExistingKeys(): void {
    const claim = this.db.prepare('INSERT OR IGNORE INTO unique_keys (key, position) VALUES (?, ?)');
    this.db
      .transaction(() => {
        for (let after = 0; ;) {
          const page = this.readAll(after, 5000);
          if (page.length === 0) break;
          for (const e of page) for (const u of this.checks.uniqueKeys(e)) claim.run(u.key, e.position);
          after = page[page.length - 1]!.position;
        }
      })
      .immediate();
  }

  private notify(head: number): void {
    for (const l of this.listeners) l(head);
  }
}
