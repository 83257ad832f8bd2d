import type { StoredEvent } from '../ports/event-store.port';

/**
 * What the live stream says of a committed event: where it is in the log, what happened, and the
 * records it concerns, so that a screen showing one of them knows to read it again. The event's
 * data itself stays behind GET /audit, where it is read under the same scope.
 */
export type LiveEvent = Readonly<{
  position: number;
  type: string;
  streamId: string;
  recordedAt: string;
  unit: string | null;
  allocationId: string | null;
  disbursementId: string | null;
  householdId: string | null;
}>;

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

export function liveEvent(e: StoredEvent, unit: string | undefined): LiveEvent {
  const d = e.data as Record<string, unknown>;
  return {
    position: e.position,
    type: e.type,
    streamId: e.streamId,
    recordedAt: e.metadata.recordedAt,
    unit: unit ?? null,
    allocationId: text(d.allocationId),
    disbursementId: text(d.disbursementId),
    householdId: text(d.householdId),
  };
}
