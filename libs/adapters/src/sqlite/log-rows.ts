import type { AppendOptions, AppendResult, NewEvent, StoredEvent, StreamAppend } from '../../../ledger/src/ports/event-store.port';
import type { UniqueKey } from '../../../ledger/src/distributed/unique-keys';
import { chainHashOfCanonical } from '../../../ledger/src/integrity/hash-chain';
import { canonicalJson } from '../../../ledger/src/integrity/canonical-json';
import type { EventRow } from './schema';
import type { Tip } from './log-statements';

/** One event row, in the column order of `events`. */
export type EventRowValues = [
  position: number,
  eventId: string,
  streamId: string,
  revision: number,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: string,
  hash: string,
];
export type IdempotencyRowValues = [userId: string, key: string, requestHash: string, response: string, position: number];
export type UniqueKeyRowValues = [key: string, position: number];

/** A row of EVENT_COLUMNS in raw mode. */
export type EventTuple = [
  position: number,
  eventId: string,
  streamId: string,
  revision: number,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  hash: string,
];

/** Where encoded rows go: staged for the committer (group commit), or inserted at once (a bulk import). Named as the statements that insert them. */
export interface RowSink {
  putEvent(row: EventRowValues): void;
  putUnique(row: UniqueKeyRowValues): void;
  putIdem(row: IdempotencyRowValues): void;
}

/**
 * The rows of one stream's append whose last revision is `last`, chained on from `tip`; answers
 * the new tip. Data and metadata are stored in canonical JSON (keys sorted): serialised once, for
 * the row and for the hash alike.
 */
export function encodeAppend(a: StreamAppend, last: number, tip: Tip, uniqueKeys: (e: NewEvent) => readonly UniqueKey[], sink: RowSink): Tip {
  let revision = last - a.events.length;
  for (const e of a.events) {
    revision += 1;
    const position = tip.position + 1;
    const data = canonicalJson(e.data);
    const metadata = canonicalJson(e.metadata);
    const hash = chainHashOfCanonical(
      tip.hash,
      { position, id: e.id, streamId: a.streamId, revision, type: e.type, schemaVersion: e.schemaVersion },
      data,
      metadata,
    );
    sink.putEvent([position, e.id, a.streamId, revision, e.type, e.schemaVersion, data, metadata, e.metadata.recordedAt, hash]);
    for (const u of uniqueKeys(e)) sink.putUnique([u.key, position]);
    tip = { position, hash };
  }
  return tip;
}

/** Stores the idempotency key's response; the key was checked to be free before anything was written. */
export function encodeIdempotency(options: AppendOptions, result: AppendResult, sink: RowSink): void {
  const idem = options.idempotency;
  if (!idem) return;
  sink.putIdem([idem.userId, idem.key, idem.requestHash, JSON.stringify(idem.response(result)), result.lastPosition]);
}

/** An event row as the projector is handed it (no `recorded_at`, which only indexes the metadata's stamp). */
export function toTuple(r: EventRowValues): EventTuple {
  return [r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[9]];
}

export function fromTuple(r: EventTuple): StoredEvent {
  return {
    id: r[1],
    streamId: r[2],
    revision: r[3],
    position: r[0],
    type: r[4],
    schemaVersion: r[5],
    data: JSON.parse(r[6]),
    metadata: JSON.parse(r[7]),
    hash: r[8],
  };
}

export function toStored(r: EventRow): StoredEvent {
  return {
    id: r.event_id,
    streamId: r.stream_id,
    revision: r.revision,
    position: r.position,
    type: r.type,
    schemaVersion: r.schema_version,
    data: JSON.parse(r.data),
    metadata: JSON.parse(r.metadata),
    hash: r.hash,
  };
}
