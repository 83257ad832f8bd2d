import { readsEverything, type Principal } from '../../../domain/src';
import type { StoredEvent } from '../ports/event-store.port';

/**
 * The unit an event belongs to, which decides who may see it: the `unit` its data names, or the
 * unit a UnitRegistered event registers. An event with none (a user's registration) is for readers
 * of everything only. The audit trail and the live stream apply the same rule.
 */
export const eventUnit = (e: StoredEvent): string | undefined =>
  (e.data as { unit?: string }).unit ?? (e.type === 'UnitRegistered' ? (e.data as { code: string }).code : undefined);

/** May `principal` see `e`, given each unit's path (`pathOf` answers undefined for a unit it does not know)? */
export function eventVisible(principal: Principal, e: StoredEvent, pathOf: (unit: string) => readonly string[] | undefined): boolean {
  if (readsEverything(principal)) return true;
  const unit = eventUnit(e);
  return unit !== undefined && (pathOf(unit) ?? []).some((u) => principal.units.includes(u));
}
