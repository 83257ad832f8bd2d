import type { AppendResult } from '../../ports/event-store.port';

/** The 201 bodies, built from what was committed: the handler and crash recovery answer alike. */
export const created = (id: string) => (r: AppendResult) => ({ id, position: r.lastPosition });
export const disbursementResponse = (id: string, allocationId: string) => (r: AppendResult) => ({ id, allocationId, position: r.lastPosition });
