import { createHash, hash as oneShot } from 'node:crypto';
import type { StoredEvent } from '../ports/event-store.port';
import { canonicalJson } from './canonical-json';

export type Unhashed = Omit<StoredEvent, 'hash'>;

/**
 * hash(n) = SHA-256(hash(n−1) ‖ canonical JSON of event n with its position, stream, revision and
 * metadata). Computed by whichever process orders the log, so it works on any store with a global order.
 */
export function chainHash(previousHash: string, e: Unhashed): string {
  const body = canonicalJson({
    position: e.position,
    id: e.id,
    streamId: e.streamId,
    revision: e.revision,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    metadata: e.metadata,
  });
  return createHash('sha256').update(previousHash).update('\n').update(body).digest('hex');
}

export type HashedFields = Readonly<{ position: number; id: string; streamId: string; revision: number; type: string; schemaVersion: number }>;

/**
 * `chainHash` for an event whose data and metadata are already in canonical JSON (a store that
 * keeps them so serialises each once): the same bytes, put together in canonicalJson's key order.
 */
export function chainHashOfCanonical(previousHash: string, e: HashedFields, canonicalData: string, canonicalMetadata: string): string {
  const body =
    `{"data":${canonicalData},"id":${JSON.stringify(e.id)},"metadata":${canonicalMetadata},"position":${JSON.stringify(e.position)},` +
    `"revision":${JSON.stringify(e.revision)},"schemaVersion":${JSON.stringify(e.schemaVersion)},"streamId":${JSON.stringify(e.streamId)},"type":${JSON.stringify(e.type)}}`;
  return oneShot('sha256', `${previousHash}\n${body}`, 'hex');
}
