import { notFound, unknownReference } from '../../../domain/src';
import type { ReadStore } from '../ports/read-store.port';
import { ALLOCATIONS, type AllocationDoc } from '../projections/allocations.projection';
import { UNITS, type UnitDoc } from '../projections/units.projection';

/** A unit named inside a body or query: unknown → 400 naming the field. */
export async function unitRef(reads: ReadStore, field: string, code: unknown): Promise<UnitDoc> {
  const unit = typeof code === 'string' ? await reads.get<UnitDoc>(UNITS, code) : null;
  if (!unit) throw unknownReference(field, code);
  return unit;
}

/** An allocation named in the URL: unknown → 404. */
export async function allocationById(reads: ReadStore, id: string): Promise<AllocationDoc> {
  const a = await reads.get<AllocationDoc>(ALLOCATIONS, id);
  if (!a) throw notFound('allocation', id);
  return a;
}
