import { Worker, type MessagePort } from 'node:worker_threads';
import { ProjectorLoop } from './projector-loop';
import { SqliteProjector, type ProjectionOptions } from './sqlite-projector';

/**
 * Where the projector runs: on a worker thread of its own (the server's way: read models are
 * written on the second core while the main thread serves requests and appends), or on the
 * caller's thread, between its other work. Either tells `onProgress` each position it commits.
 */
export interface ProjectorHost {
  /** The log has reached `head`: apply up to it. */
  notify(head: number): void;
  /** Whether someone waits on the projector: a worker keeps the process alive only then. */
  hold(waiting: boolean): void;
  close(): Promise<void>;
}

export type HostEvents = Readonly<{ onProgress: (position: number) => void; onError: (error: Error) => void }>;

export class InlineProjectorHost implements ProjectorHost {
  private readonly loop: ProjectorLoop;

  constructor(logFile: string, readFile: string, options: ProjectionOptions, events: HostEvents) {
    this.loop = new ProjectorLoop(new SqliteProjector(logFile, readFile, options), events.onProgress, events.onError);
  }

  notify(head: number): void {
    this.loop.notify(head);
  }

  hold(): void {}

  async close(): Promise<void> {
    await this.loop.stop();
    this.loop.projector.close();
  }
}

export type WorkerMessage =
  | { progress: number }
  | { error: string; stack?: string; code?: string }
  | { closed: true }
  | { bulk: 'ok' }
  | { bulk: 'error'; error: string; stack?: string };

export type BulkMessage = { bulkBegin: number } | { bulkEvents: readonly unknown[] } | { bulkEnd: 'commit' | 'abort' };

/** Chunks of an import's events sent to the projector's thread and not yet applied there, at most. */
const BULK_IN_FLIGHT = 2;

export class WorkerProjectorHost implements ProjectorHost {
  private readonly worker: Worker;
  private exited: Promise<void>;

  private readonly replies: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private bulkFailure: Error | null = null;

  constructor(
    script: string,
    logFile: string,
    readFile: string,
    private readonly events: HostEvents,
  ) {
    this.worker = new Worker(script, { workerData: { logFile, readFile } });
    this.worker.on('message', (m: WorkerMessage) => {
      if ('bulk' in m) {
        const r = this.replies.shift();
        if (m.bulk === 'ok') r?.resolve();
        else {
          const e = Object.assign(new Error(m.error), { stack: m.stack });
          this.bulkFailure ??= e;
          r?.reject(e);
        }
      } else if ('progress' in m) this.events.onProgress(m.progress);
      else if ('error' in m) this.events.onError(Object.assign(new Error(m.error), { stack: m.stack, code: m.code }));
    });
    this.worker.on('error', (e) => this.events.onError(e));
    this.exited = new Promise((r) => this.worker.once('exit', () => r()));
    // The worker must not keep a process alive that is otherwise done (a CLI command).
    this.worker.unref();
  }

  notify(head: number): void {
    this.worker.postMessage({ head });
  }

  hold(waiting: boolean): void {
    if (waiting) this.worker.ref();
    else this.worker.unref();
  }

  /** Heads announced on `port` (by the log's committer thread) are applied like those from `notify`. */
  listenTo(port: MessagePort): void {
    this.worker.postMessage({ heads: port }, [port]);
  }

  /**
   * A bulk import projected while the log writes it (SqliteProjector.beginBulk): `begin` once the
   * read models have reached the log's head, `feed` each chunk of events as the log writes them
   * (it waits only when BULK_IN_FLIGHT chunks are still being applied, so the two threads work
   * side by side and memory stays bounded), `end` after the log's commit or rollback.
   */
  async beginBulk(from: number): Promise<void> {
    this.bulkFailure = null;
    this.worker.ref();
    await this.request({ bulkBegin: from });
  }

  async feed(events: readonly unknown[]): Promise<void> {
    if (this.bulkFailure) throw this.bulkFailure;
    const applied = this.request({ bulkEvents: events });
    // Its failure is reported by the next feed or by end.
    applied.catch(() => undefined);
    while (this.replies.length > BULK_IN_FLIGHT) await new Promise<void>((r) => this.worker.once('message', () => r()));
    if (this.bulkFailure) throw this.bulkFailure;
  }

  async endBulk(commit: boolean): Promise<void> {
    try {
      while (this.replies.length > 0) await new Promise<void>((r) => this.worker.once('message', () => r()));
      if (commit && this.bulkFailure) throw this.bulkFailure;
      await this.request({ bulkEnd: commit ? 'commit' : 'abort' });
    } finally {
      this.worker.unref();
    }
  }

  private request(m: BulkMessage): Promise<void> {
    return new Promise((resolve, reject) => {
      this.replies.push({ resolve, reject });
      this.worker.postMessage(m);
    });
  }

  async close(): Promise<void> {
    this.worker.ref();
    this.worker.postMessage({ close: true });
    await this.exited;
  }
}
