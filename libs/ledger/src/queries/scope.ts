import { readsEverything, unknownReference, type Principal } from '../../../domain/src';
import type { ReadStore } from '../ports/read-store.port';
import { UNITS, type UnitDoc } from '../projections/units.projection';

/** Does a document with this unit path fall inside what the principal may read? */
export const visible = (p: Principal, unitPath: readonly string[] | undefined): boolean =>
  readsEverything(p) || (unitPath ?? []).some((u) => p.units.includes(u));

export const visibleUnit = (p: Principal, u: UnitDoc): boolean => visible(p, u.path);

/**
 * A unit named as a filter of a list. One outside the reader's scope is answered exactly as an
 * unknown one (400 UNKNOWN_REFERENCE), so a list never tells whether a unit it may not read exists.
 */
export async function visibleUnitRef(reads: ReadStore, p: Principal, field: string, code: string): Promise<UnitDoc> {
  const unit = await reads.get<UnitDoc>(UNITS, code);
  if (!unit || !visible(p, unit.path)) throw unknownReference(field, code);
  return unit;
}
