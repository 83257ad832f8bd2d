import type { StoredEvent } from '../ports/event-store.port';
import { REQUEST_STATUS_OF } from '../commands/approvals/responses';

/**
 * The 201 body of a command, rebuilt from the events it appended. Used only when a process stored
 * a command's events and died before recording the idempotency response (EventStoreDB mode, where
 * the two are separate appends): the retry then gets the answer the first call would have given.
 * Mirrors the response builders of the use cases (responses.ts, assess-household.ts).
 */
export function recoveredResponse(events: readonly StoredEvent[]): unknown {
  const last = events[events.length - 1];
  if (!last) return null;
  const position = last.position;
  const first = events[0]!;
  const d = first.data as Record<string, unknown>;
  switch (first.type) {
    case 'DisbursementRecorded':
      return { id: d.disbursementId, allocationId: d.allocationId, status: 'disbursed', position };
    case 'DisbursementRequested':
      return { id: d.disbursementId, allocationId: d.allocationId, status: 'pending', position };
    case 'DisbursementApproved':
    case 'DisbursementRejected':
    case 'DisbursementWithdrawn':
      return { id: d.disbursementId, allocationId: d.allocationId, status: REQUEST_STATUS_OF[first.type], position };
    case 'DisbursementReversed':
      return { id: d.disbursementId, allocationId: d.allocationId, position };
    case 'AllocationNoteRecorded':
      return { id: d.noteId, allocationId: d.allocationId, position };
    case 'HouseholdAssessed':
      return {
        id: d.assessmentId,
        position,
        classification: d.classification,
        previousClassification: d.previousClassification,
        standard: d.standard,
        rule: d.rule,
      };
    default:
      return { id: first.streamId.slice(first.streamId.indexOf('-') + 1), position };
  }
}
