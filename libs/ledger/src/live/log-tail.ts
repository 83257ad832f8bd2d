import { waitForCheckpoint } from '../distributed/consistency';
import type { StoredEvent } from '../ports/event-store.port';
import type { ReadStore } from '../ports/read-store.port';
import type { LogSource } from '../projector/projection-sink.port';

export type LogTailOptions = Readonly<{
  batchSize?: number;
  /** How long to wait for an append when the source cannot say (and the most any one wait lasts). */
  idleMs?: number;
  retryMs?: number;
  log?: (line: string) => void;
}>;

const delay = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Follows the global log and hands over each stretch of committed events, in log order, once the
 * read models reflect them: whoever reacts to an event and then reads (a saga loading its state, a
 * console reloading its page) finds it there. Only the log says what is committed, so every process
 * tails it for itself, and an event another process committed reaches this one's handlers too.
 */
export class LogTail {
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly retryMs: number;
  private readonly log: (line: string) => void;
  private after = 0;

  constructor(
    private readonly source: LogSource,
    private readonly reads: Pick<ReadStore, 'checkpoint'>,
    private readonly deliver: (events: readonly StoredEvent[]) => void,
    options: LogTailOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 1000;
    this.retryMs = options.retryMs ?? 1000;
    this.log = options.log ?? (() => undefined);
  }

  /** The position of the last event handed over. */
  position(): number {
    return this.after;
  }

  /** Hands over every event after `from` until `signal` aborts; a failed read is retried, never skipped. */
  async run(from: number, signal: AbortSignal): Promise<void> {
    this.after = from;
    while (!signal.aborted) {
      try {
        const events = await this.source.readAll(this.after, this.batchSize);
        if (events.length === 0) {
          await this.idle(signal);
          continue;
        }
        const last = events[events.length - 1]!.position;
        if (!(await this.projected(last, signal))) return;
        this.deliver(events);
        this.after = last;
      } catch (error) {
        this.log(`event tail: reading after position ${this.after} failed (${error instanceof Error ? error.message : String(error)}); retrying`);
        await delay(this.retryMs, signal);
      }
    }
  }

  private async idle(signal: AbortSignal): Promise<void> {
    if (!this.source.waitForAppend) return delay(this.idleMs, signal);
    const woken = new AbortController();
    await Promise.race([this.source.waitForAppend(this.after, this.idleMs), delay(this.idleMs, AbortSignal.any([signal, woken.signal]))]);
    woken.abort();
  }

  /** False when stopped before the read models got there. */
  private async projected(position: number, signal: AbortSignal): Promise<boolean> {
    while (!signal.aborted) {
      const outcome = await waitForCheckpoint(this.reads, position, this.idleMs, { sleep: (ms) => delay(ms, signal) });
      if (outcome.ok) return true;
    }
    return false;
  }
}
