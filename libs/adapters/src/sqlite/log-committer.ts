import Database from 'better-sqlite3';
import { Worker, type MessagePort } from 'node:worker_threads';
import { GENESIS_HASH } from '../../../ledger/src/ports/event-store.port';
import { LOG_SCHEMA } from './schema';
import { PageLimit } from './storage-limits';

/** One event row, in the column order of `events`. */
export type EventRowValues = [position: number, eventId: string, streamId: string, revision: number, type: string, schemaVersion: number, data: string, metadata: string, recordedAt: string, hash: string];
export type IdempotencyRowValues = [userId: string, key: string, requestHash: string, response: string, position: number];
export type UniqueKeyRowValues = [key: string, position: number];

/** A group commit's rows, prepared on the caller's thread: positions, hashes and canonical JSON are decided. */
export type PreparedBatch = Readonly<{ expectHead: number; expectHash: string; events: EventRowValues[]; idempotency: IdempotencyRowValues[]; unique: UniqueKeyRowValues[] }>;

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
  private readonly stmt;
  private readonly limit = new PageLimit('log');

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('cache_size = -32768');
    this.db.exec(LOG_SCHEMA);
    this.stmt = {
      insertEvent: this.db.prepare(
        'INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash) VALUES (?,?,?,?,?,?,?,?,?,?)',
      ),
      putIdem: this.db.prepare('INSERT INTO idempotency (user_id, key, request_hash, response, position) VALUES (?, ?, ?, ?, ?)'),
      putUnique: this.db.prepare('INSERT INTO unique_keys (key, position) VALUES (?, ?)'),
      head: this.db.prepare<[], { position: number; hash: string }>('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1'),
      begin: this.db.prepare('BEGIN IMMEDIATE'),
      commit: this.db.prepare('COMMIT'),
      rollback: this.db.prepare('ROLLBACK'),
    };
  }

  commit(batch: PreparedBatch): void {
    this.limit.apply(this.db);
    this.stmt.begin.run();
    try {
      // Position and hash: a batch decided on top of one that failed must not land on the same
      // position reached another way (another process's appends).
      const head = this.stmt.head.get() ?? { position: 0, hash: GENESIS_HASH };
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
