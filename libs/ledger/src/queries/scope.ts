import { canRead, type Principal } from '../../../domain/src';
import type { ReadStore } from '../ports/read-store.port';
import type { UnitDoc } from '../projections/units.projection';
import { unitRef } from '../commands/lookups';

/** Does a document with this unit path fall inside what the principal may read? */
export const visible = (p: Principal, unitPath: readonly string[] | undefined): boolean => canRead(p, unitPath ?? []);

export const visibleUnit = (p: Principal, u: UnitDoc): boolean => visible(p, u.path);

/**
 * A unit named as a filter of a list. One outside the reader's scope is answered exactly as an
 * unknown one (400 UNKNOWN_REFERENCE), so a list never tells whether a unit it may not read exists.
 */
export const visibleUnitRef = (reads: ReadStore, p: Principal, field: string, code: string): Promise<UnitDoc> => unitRef(reads, p, field, code);
