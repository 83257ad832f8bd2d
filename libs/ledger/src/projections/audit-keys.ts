import type { StoredEvent } from '../ports/event-store.port';

/**
 * The keys under which the audit trail finds an event: one per filter GET /audit offers.
 * `allocation:X` covers X's own stream and the sub-allocations carved from it (the child's grant
 * names its parent). Every key is a row the projector writes per event, so there is none that no
 * query asks for (an event's type or unit is filtered on the event itself).
 */
export function auditKeys(e: StoredEvent): string[] {
  const d = e.data as Record<string, unknown>;
  const keys = new Set<string>([`actor:${e.metadata.actor.userId}`]);
  const add = (kind: string, value: unknown) => {
    if (typeof value === 'string' && value.length > 0) keys.add(`${kind}:${value}`);
  };
  // Maker-checker: a decision on a request is found under its maker as well as its checker.
  add('actor', d.requestedBy);
  add('allocation', d.allocationId);
  add('allocation', d.parentId);
  add('allocation', d.childAllocationId);
  add('disbursement', d.disbursementId);
  add('household', d.householdId);
  add('decision', e.metadata.decision?.number);
  add('decision', (d.decision as { number?: unknown } | null | undefined)?.number);
  return [...keys];
}
