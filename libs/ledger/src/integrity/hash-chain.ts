import { createHash } from 'node:crypto';
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
