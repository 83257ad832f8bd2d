import type { LogSource, ProjectionSink } from './projection-sink.port';

export type ProjectorStatus = Readonly<{
  checkpoint: number;
  head: number;
  lag: number;
  /** The error that interrupted the last attempt, until a batch succeeds again. */
  lastError: string | null;
  updatedAt: string | null;
}>;

export type ProjectorOptions = Readonly<{
  batchSize?: number;
  /** How long to wait for new events when caught up (a subscription may wake it sooner). */
  idleMs?: number;
  /** Back-off after a failure (a dropped connection, a refused write), by attempt number. */
  retryDelayMs?: (attempt: number) => number;
  log?: (line: string) => void;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}>;

const defaultRetry = (attempt: number) => Math.min(30_000, 250 * 2 ** Math.min(attempt - 1, 7));
const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Follows the global log into a projection sink. It keeps no position of its own: every batch
 * starts from the checkpoint the sink committed, so a restart, a crash between batches or a
 * dropped connection resumes exactly after the last event whose effects were stored.
 */
export class Projector {
  private state: { checkpoint: number; head: number; lastError: string | null; updatedAt: string | null } = {
    checkpoint: 0,
    head: 0,
    lastError: null,
    updatedAt: null,
  };
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly retryDelayMs: (attempt: number) => number;
  private readonly log: (line: string) => void;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => Date;

  constructor(
    private readonly source: LogSource,
    private readonly sink: ProjectionSink,
    options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 1000;
    this.retryDelayMs = options.retryDelayMs ?? defaultRetry;
    this.log = options.log ?? (() => undefined);
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? (() => new Date());
  }

  status(): ProjectorStatus {
    const { checkpoint, head, lastError, updatedAt } = this.state;
    return { checkpoint, head, lag: Math.max(0, head - checkpoint), lastError, updatedAt };
  }

  /** One batch from the sink's checkpoint; resolves to the number of events applied. */
  async step(): Promise<number> {
    const from = await this.sink.checkpoint();
    const events = await this.source.readAll(from, this.batchSize);
    const checkpoint = events.length === 0 ? from : await this.sink.applyBatch(events);
    const head = (await this.source.head()).position;
    this.state = { checkpoint, head: Math.max(head, checkpoint), lastError: null, updatedAt: this.now().toISOString() };
    return checkpoint - from;
  }

  /** Applies batches until the sink has reached the head seen at the end; resolves to the events applied. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (;;) {
      const applied = await this.step();
      total += applied;
      if (applied === 0 && this.state.checkpoint >= this.state.head) return total;
    }
  }

  /** Runs until `signal` aborts. Failures are logged and retried with back-off, never skipped. */
  async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        const applied = await this.step();
        if (failures > 0) this.log(`projector: resumed at position ${this.state.checkpoint} after ${failures} failed attempt(s)`);
        failures = 0;
        if (applied > 0) this.log(`projector: position ${this.state.checkpoint}, head ${this.state.head}, lag ${this.status().lag}`);
        if (applied === 0 && !signal.aborted) {
          await (this.source.waitForAppend ? this.source.waitForAppend(this.state.checkpoint, this.idleMs) : this.sleep(this.idleMs));
        }
      } catch (error) {
        failures += 1;
        const message = error instanceof Error ? error.message : String(error);
        this.state = { ...this.state, lastError: message };
        const delay = this.retryDelayMs(failures);
        this.log(`projector: attempt ${failures} failed at position ${this.state.checkpoint} (${message}); retrying in ${delay} ms`);
        if (!signal.aborted) await this.sleep(delay);
      }
    }
  }
}
