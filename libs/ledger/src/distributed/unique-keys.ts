import { alreadyExists } from '../../../domain/src';
import type { NewEvent } from '../ports/event-store.port';

export type UniqueKey = Readonly<{ key: string; conflict: () => Error }>;

/**
 * Values that must be unique across streams, which a store without multi-stream transactions has
 * to reserve before appending. Disbursement ids are global (a reversal addresses one by URL
 * alone); in embedded mode the SQLite log claims them in its `unique_keys` table, in the append's
 * transaction, on EventStoreDB the adapter reserves `disbursement:<id>` first.
 */
export function uniqueKeys(e: Pick<NewEvent, 'type' | 'data'>): UniqueKey[] {
  // A request claims its id at once: approved, it becomes the payment of that id (issue 13).
  if (e.type === 'DisbursementRecorded' || e.type === 'DisbursementRequested') {
    const id = (e.data as { disbursementId?: unknown }).disbursementId;
    if (typeof id === 'string') return [{ key: `disbursement:${id}`, conflict: () => alreadyExists('disbursement', id) }];
  }
  return [];
}
