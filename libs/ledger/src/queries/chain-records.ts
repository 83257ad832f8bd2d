import { forbidden, invalid, readsEverything, type Principal } from '../../../domain/src';
import type { EventStore, StoredEvent } from '../ports/event-store.port';
import { pageLimit } from './list-page';

export type ChainRecordsQuery = Readonly<{ after?: string; cursor?: string; limit?: number | string }>;

export type ChainRecord = Pick<StoredEvent, 'position' | 'id' | 'streamId' | 'revision' | 'type' | 'schemaVersion' | 'data' | 'metadata' | 'hash'>;

const POSITION = /^(0|[1-9][0-9]{0,14})$/;

function position(field: 'after' | 'cursor', value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!POSITION.test(value))
    throw invalid(field, field === 'cursor' ? 'must be the nextCursor of the previous page' : 'must be a log position (a whole number)');
  return Number(value);
}

/**
 * The stored records of the log exactly as they were hashed, so that someone who does not trust
 * the server can recompute the chain (the console's integrity page does, in the browser). Nothing
 * is redacted, since a redacted field could not be hashed again; and the chain is only checkable
 * whole, so only those who read everything (administrators, the national inspectorate) may read
 * it: a scoped reader would see other units' records.
 */
export async function chainRecords(
  events: EventStore,
  q: ChainRecordsQuery,
  principal: Principal,
): Promise<{ items: ChainRecord[]; nextCursor: string | null }> {
  if (principal.role !== 'admin' && principal.role !== 'inspector') throw forbidden(`role '${principal.role}' may not read the log's records`);
  if (!readsEverything(principal)) throw forbidden('the log is read whole: only administrators and inspectors without units may read its records');
  const limit = pageLimit(q.limit);
  const after = position('after', q.after);
  const cursor = position('cursor', q.cursor);
  if (after !== null && cursor !== null) throw invalid('cursor', 'is not used with after: pass one of them');
  const from = cursor ?? after ?? 0;
  // One more than asked tells whether another page follows.
  const read = await events.readAll(from, limit + 1);
  const page = read.slice(0, limit);
  return {
    items: page.map((e) => ({
      position: e.position,
      id: e.id,
      streamId: e.streamId,
      revision: e.revision,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      metadata: e.metadata,
      hash: e.hash,
    })),
    nextCursor: read.length > limit ? String(page[page.length - 1]!.position) : null,
  };
}
