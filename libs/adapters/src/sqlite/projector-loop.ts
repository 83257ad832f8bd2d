import type { SqliteProjector } from './sqlite-projector';

const BATCH = 2000;
const RETRY_MS = 1000;

/**
 * Steps a projector until the read models reach the head it was told of, a batch per turn of the
 * event loop, on whichever thread owns it (the caller's, or the projector's worker). It reports
 * every position it reaches, even one another process's projector reached first: that is what
 * waiters wait for. A failing step is reported and retried after a second; a bulk import pauses it.
 */
export class ProjectorLoop {
  private head = 0;
  private reported = 0;
  private scheduled = false;
  private paused = false;
  private stopped = false;

  constructor(
    readonly projector: SqliteProjector,
    private readonly onProgress: (position: number) => void,
    private readonly onError: (error: Error) => void,
  ) {}

  notify(head: number): void {
    this.head = Math.max(this.head, head);
    if (this.scheduled || this.stopped || this.paused) return;
    this.scheduled = true;
    setImmediate(() => this.run());
  }

  /** A bulk import holds the read-model transaction: no step until `resume`. */
  pause(): void {
    this.paused = true;
  }

  resume(position: number | null): void {
    this.paused = false;
    if (position !== null) this.report(position);
    this.notify(this.head);
  }

  /** Stops stepping; resolves once no step is pending. */
  async stop(): Promise<void> {
    this.stopped = true;
    while (this.scheduled) await new Promise((r) => setImmediate(r));
  }

  private run(): void {
    this.scheduled = false;
    if (this.stopped || this.paused) return;
    try {
      const { position } = this.projector.step(BATCH);
      this.report(position);
      if (position < this.head) this.notify(this.head);
    } catch (error) {
      this.onError(error instanceof Error ? error : new Error(String(error)));
      setTimeout(() => this.notify(this.head), RETRY_MS).unref();
    }
  }

  private report(position: number): void {
    if (position > this.reported) this.onProgress((this.reported = position));
  }
}
