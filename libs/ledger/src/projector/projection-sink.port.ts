import type { StoredEvent } from '../ports/event-store.port';

/**
 * Where a projection worker writes: read models plus the checkpoint they reflect. `applyBatch` is
 * all-or-nothing: the documents, the audit index entries and the new checkpoint land in one commit,
 * so a crash between batches can neither skip an event nor apply one twice.
 */
export interface ProjectionSink {
  /** The position of the last event whose effects are stored (0 before the first). */
  checkpoint(): Promise<number>;
  /**
   * Applies `events` (log order, positions dense) after the stored checkpoint; events at or before
   * it are ignored. Resolves to the new checkpoint.
   */
  applyBatch(events: readonly StoredEvent[]): Promise<number>;
}

/** What a worker follows: the global log, and optionally a wake-up when something is appended. */
export interface LogSource {
  readAll(afterPosition: number, limit: number): Promise<StoredEvent[]>;
  head(): Promise<Readonly<{ position: number }>>;
  /** Resolves when an event after `afterPosition` may exist, or after `timeoutMs`, whichever is first. */
  waitForAppend?(afterPosition: number, timeoutMs: number): Promise<void>;
}
