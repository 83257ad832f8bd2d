import type Database from 'better-sqlite3';
import { Worker, type MessagePort } from 'node:worker_threads';
import { LOG_SCHEMA } from './schema';
import type { EventRowValues, IdempotencyRowValues, UniqueKeyRowValues } from './log-rows';
import { headOf, logStatements, openLogConnection, type LogStatements } from './log-statements';
import { PageLimit } from './storage-limits';

/** The committing connection's page cache: as large as the appending one's, since it writes the same indexes. */
const COMMITTER_CACHE_KIB = 32_768;

/** A group commit's rows, prepared on the caller's thread: positions, hashes and canonical JSON are decided. */
export type PreparedBatch = Readonly<{
  expectHead: number;
  expectHash: string;
  events: EventRowValues[];
  idempotency: IdempotencyRowValues[];
  unique: UniqueKeyRowValues[];
}>;

/** The file's head is not where the batch was prepared from: another process appended. */
export class StaleHead extends Error {
  constructor(readonly head: number) {
    super(`the log's head moved to ${head} under this process`);
  }
}

/** Writes prepared batches to the log file, each in one transaction, synchronous=FULL. */
export interface LogCommitter {
  commit(batch: PreparedBatch): Promise<void>;
  /** Also tell `port` the head after each commit (the projector's thread, without a hop through this one). */
  announceTo?(port: MessagePort): void;
  close(): Promise<void>;
}

/**
 * The connection that commits: BEGIN IMMEDIATE, check the head, insert, COMMIT (the fsync). Used by
 * the worker thread, and directly where there is no compiled worker (tests from source).
 */
export class LogWriter {
  private readonly db: Database.Database;
  private readonly stmt: LogStatements;
  private readonly limit = new PageLimit('log');

  constructor(file: string) {
    this.db = openLogConnection(file, COMMITTER_CACHE_KIB);
    this.db.exec(LOG_SCHEMA);
    this.stmt = logStatements(this.db);
  }

  commit(batch: PreparedBatch): void {
    this.limit.apply(this.db);
    this.stmt.begin.run();
    try {
      // Position and hash: a batch decided on top of one that failed must not land on the same
      // position reached another way (another process's appends).
      const head = headOf(this.stmt);
      if (head.position !== batch.expectHead || head.hash !== batch.expectHash) throw new StaleHead(head.position);
      for (const row of batch.events) this.stmt.insertEvent.run(...row);
      for (const row of batch.idempotency) this.stmt.putIdem.run(...row);
      for (const row of batch.unique) this.stmt.putUnique.run(...row);
      this.stmt.commit.run();
    } catch (error) {
      // A full disk may already have rolled it back; what is thrown is why the batch failed.
      if (this.db.inTransaction) {
        try {
          this.stmt.rollback.run();
        } catch {
          /* the original error says more */
        }
      }
      throw error;
    }
  }

  close(): void {
    this.db.close();
  }
}

export class InlineLogCommitter implements LogCommitter {
  private readonly writer: LogWriter;

  constructor(file: string) {
    this.writer = new LogWriter(file);
  }

  async commit(batch: PreparedBatch): Promise<void> {
    this.writer.commit(batch);
  }

  async close(): Promise<void> {
    this.writer.close();
  }
}

export type CommitReply = { ok: true } | { stale: number } | { error: string; code?: string };

/**
 * Commits on a worker thread: the fsync of every group commit (about a millisecond, on this
 * machine a third of the main thread's time under load) no longer stops the event loop.
 */
export class WorkerLogCommitter implements LogCommitter {
  private readonly worker: Worker;
  private readonly pending: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  private readonly exited: Promise<void>;
  private failure: Error | null = null;

  constructor(script: string, file: string) {
    this.worker = new Worker(script, { workerData: { file } });
    this.worker.on('message', (m: CommitReply) => {
      const p = this.pending.shift();
      if (this.pending.length === 0) this.worker.unref();
      if (!p) return;
      if ('ok' in m) p.resolve();
      else if ('stale' in m) p.reject(new StaleHead(m.stale));
      else p.reject(Object.assign(new Error(m.error), m.code ? { code: m.code } : {}));
    });
    this.worker.on('error', (e) => {
      this.failure = e;
      for (const p of this.pending.splice(0)) p.reject(e);
    });
    this.exited = new Promise((r) => this.worker.once('exit', () => r()));
    this.worker.unref();
  }

  commit(batch: PreparedBatch): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.worker.ref();
      this.worker.postMessage(batch);
    });
  }

  announceTo(port: MessagePort): void {
    this.worker.postMessage({ announceTo: port }, [port]);
  }

  async close(): Promise<void> {
    this.worker.ref();
    this.worker.postMessage({ close: true });
    await this.exited;
  }
}
