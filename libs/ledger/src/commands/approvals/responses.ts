import type { AppendResult } from '../../ports/event-store.port';
import type { DomainEvent, RequestStatus } from '../../../../domain/src';

/** What a payment's first event says it is now: paid, or waiting for a checker. */
export const paymentStatus = (events: readonly DomainEvent[]): 'disbursed' | 'pending' =>
  events[0]?.type === 'DisbursementRequested' ? 'pending' : 'disbursed';

/** POST /allocations/{id}/disbursements: its 201 body, built from what was committed (handler and crash recovery alike). */
export const recordedResponse = (id: string, allocationId: string) => (r: AppendResult, events: readonly DomainEvent[]) => ({
  id,
  allocationId,
  status: paymentStatus(events),
  position: r.lastPosition,
});

export const REQUEST_STATUS_OF: Readonly<Record<string, Exclude<RequestStatus, 'pending'>>> = {
  DisbursementApproved: 'approved',
  DisbursementRejected: 'rejected',
  DisbursementWithdrawn: 'withdrawn',
};

/** The 201 body of a checker's (or the maker's) decision on a request. */
export const decidedResponse = (id: string, allocationId: string, status: Exclude<RequestStatus, 'pending'>) => (r: AppendResult) => ({
  id,
  allocationId,
  status,
  position: r.lastPosition,
});
