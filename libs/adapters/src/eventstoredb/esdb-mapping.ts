import { createHash } from 'node:crypto';
import { NO_STREAM, WrongExpectedVersionError, jsonEvent, type AppendExpectedRevision, type EventData, type Position } from '@eventstore/db-client';
import { WrongExpectedVersion, type ExpectedRevision, type LedgerMetadata, type NewEvent, type StoredEvent } from '../../../ledger/src/ports/event-store.port';

/** Streams the adapter keeps for itself (idempotency keys, unique-value reservations): never part of the ledger's log. */
export const INTERNAL_PREFIX = 'ledger-';

/** What the adapter adds to our metadata in EventStoreDB, and strips again when reading. */
type EsdbExtras = {
  ledgerSchemaVersion: number;
  /** Our id, when it is not a UUID (EventStoreDB ids must be): the event id is then derived from it. */
  ledgerEventId?: string;
  /** Read by EventStoreDB's own `$by_correlation_id` projection. */
  $correlationId?: string;
  $causationId?: string;
};

export type EsdbMetadata = LedgerMetadata & EsdbExtras;

/** The fields of a record the mapping reads: a `RecordedEvent` of the client fits. */
export type EsdbRecord = Readonly<{
  streamId: string;
  id: string;
  revision: bigint | number;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  position?: Position;
}>;

export type Unpositioned = Omit<StoredEvent, 'position' | 'hash'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Our id if it is already a (lower-case) UUID, else a UUID derived from it (version 8, SHA-256 based), stable across processes. */
export function esdbEventId(id: string): string {
  if (UUID.test(id)) return id;
  const b = createHash('sha256').update('ledger-event-id\n').update(id).digest().subarray(0, 16);
  b[6] = 0x80 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function toEsdbEvent(e: NewEvent): EventData {
  const id = esdbEventId(e.id);
  const metadata: EsdbMetadata = {
    ...e.metadata,
    ledgerSchemaVersion: e.schemaVersion,
    ...(id !== e.id ? { ledgerEventId: e.id } : {}),
    ...(typeof e.metadata.correlationId === 'string' ? { $correlationId: e.metadata.correlationId } : {}),
    ...(typeof e.metadata.causationId === 'string' ? { $causationId: e.metadata.causationId } : {}),
  };
  return jsonEvent({ id, type: e.type, data: e.data as Record<string, unknown>, metadata });
}

/** A ledger event is JSON, outside the system (`$`) and the adapter's own streams, and carries our schema version. */
export function isLedgerRecord(r: EsdbRecord): boolean {
  if (r.streamId.startsWith('$') || r.streamId.startsWith(INTERNAL_PREFIX) || r.type.startsWith('$') || !r.isJson) return false;
  const m = r.metadata as Partial<EsdbExtras> | null | undefined;
  return typeof m === 'object' && m !== null && typeof m.ledgerSchemaVersion === 'number';
}

/** The inverse of `toEsdbEvent`, without the position and hash that only the log's order gives. */
export function fromEsdbRecord(r: EsdbRecord): Unpositioned {
  if (!isLedgerRecord(r)) throw new Error(`not a ledger event: ${r.streamId}@${String(r.revision)} (${r.type})`);
  const { ledgerSchemaVersion, ledgerEventId, $correlationId: _c, $causationId: _k, ...metadata } = r.metadata as EsdbMetadata;
  return {
    id: ledgerEventId ?? r.id,
    streamId: r.streamId,
    revision: Number(r.revision),
    type: r.type,
    schemaVersion: ledgerSchemaVersion,
    data: r.data as Record<string, unknown>,
    metadata: metadata as LedgerMetadata,
  };
}

/** Our expected revision as the client's. There is no path to "any": the client's default would drop the check. */
export function toEsdbExpected(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no_stream') return NO_STREAM;
  if (!Number.isSafeInteger(expected) || expected < 0) throw new TypeError(`expected revision must be 'no_stream' or an integer >= 0, got ${String(expected)}`);
  return BigInt(expected);
}

/** The client's version conflict becomes the one the SQLite store raises (and the command runner retries). */
export function mapAppendError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (!(error instanceof WrongExpectedVersionError)) return error;
  const actual = error.actualVersion;
  return new WrongExpectedVersion(streamId, expected, typeof actual === 'bigint' ? Number(actual) : 'no_stream');
}

export const comparePositions = (a: Position, b: Position): number => (a.commit === b.commit ? cmp(a.prepare, b.prepare) : cmp(a.commit, b.commit));
const cmp = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
