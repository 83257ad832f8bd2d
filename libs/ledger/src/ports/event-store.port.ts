import type { EventMetadata } from '../../../domain/src';

/**
 * The log, with EventStoreDB's semantics: streams of events numbered by revision from 0, one global
 * ordered log numbered by position from 1, and appends that always state what they expect the
 * stream to be. There is deliberately no "any".
 */
export type ExpectedRevision = 'no_stream' | number;

export type LedgerMetadata = EventMetadata & Readonly<{ requestHash: string | null }>;

export type NewEvent = Readonly<{
  id: string;
  type: string;
  schemaVersion: number;
  data: Readonly<Record<string, unknown>>;
  metadata: LedgerMetadata;
}>;

export type StoredEvent = NewEvent &
  Readonly<{
    streamId: string;
    revision: number;
    position: number;
    /** SHA-256 chaining this event to the one before it in the global log (hex). */
    hash: string;
  }>;

export type AppendResult = Readonly<{ nextExpectedRevision: number; firstPosition: number; lastPosition: number }>;

/** Remembered with the events, in the same commit: a retry with the same key gets `response` back. */
export type IdempotencyWrite = Readonly<{
  userId: string;
  key: string;
  requestHash: string;
  response: (result: AppendResult) => unknown;
}>;

export type AppendOptions = Readonly<{ idempotency?: IdempotencyWrite }>;

export type IdempotencyRecord = Readonly<{ requestHash: string; response: unknown }>;

export type StreamAppend = Readonly<{ streamId: string; expected: ExpectedRevision; events: readonly NewEvent[] }>;

export interface EventStore {
  append(streamId: string, expected: ExpectedRevision, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /**
   * Appends to many streams all-or-nothing (a bulk import). Embedded stores commit it in one
   * transaction; a store without multi-stream transactions may refuse it.
   */
  appendMany(appends: readonly StreamAppend[], options?: AppendOptions): Promise<AppendResult>;
  /** Events of a stream from `fromRevision` on; [] when the stream does not exist. */
  readStream(streamId: string, fromRevision?: number): Promise<StoredEvent[]>;
  /** Events of the global log after `afterPosition`, in order, at most `limit`. */
  readAll(afterPosition: number, limit: number): Promise<StoredEvent[]>;
  readPositions(positions: readonly number[]): Promise<StoredEvent[]>;
  head(): Promise<Readonly<{ position: number; hash: string }>>;
  findIdempotency(userId: string, key: string): Promise<IdempotencyRecord | null>;
  close(): Promise<void>;
}

export class WrongExpectedVersion extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream '${streamId}' is at ${actual}, expected ${expected}`);
    this.name = 'WrongExpectedVersion';
  }
}

/**
 * The disk (or the test knob that stands for it) has no room for the append. Nothing of it was
 * written: the transaction was rolled back, or refused before it began because the read models,
 * which every write must reach, cannot take more. Answered 507 STORAGE_FULL at once, rather than
 * held until space returns (a client that gave up and retried would pay twice).
 */
export class StorageFull extends Error {
  constructor(
    readonly file: 'log' | 'read models' | 'household keys',
    detail: string,
  ) {
    super(`the ledger's ${file} cannot grow (${detail}): nothing was recorded; retry once space is freed`);
    this.name = 'StorageFull';
  }
}

/** Another request stored the same idempotency key first; the caller answers with its record. */
export class IdempotencyKeyTaken extends Error {
  constructor(
    readonly userId: string,
    readonly key: string,
  ) {
    super(`idempotency key '${key}' is already stored`);
    this.name = 'IdempotencyKeyTaken';
  }
}

export const GENESIS_HASH = '0'.repeat(64);
