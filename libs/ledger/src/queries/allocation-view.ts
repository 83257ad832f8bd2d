import { percent, subtract, type Principal } from '../../../domain/src';
import type { ReadStore } from '../ports/read-store.port';
import { ALLOCATIONS, type AllocationDoc } from '../projections/allocations.projection';
import { allocationById } from '../commands/lookups';
import { readingAt, type TimeTravelQuery } from './time-travel';

/**
 * One allocation's line, decision and figures: an item of GET /allocations, and the body of
 * GET /allocations/{id} (which adds its children). `allocated` is gross (what the allocation was
 * given), `subAllocated` what it passed down, `disbursed` what it paid itself, `disbursedTotal`
 * what it and the allocations below it paid; the rate is disbursedTotal ÷ allocated.
 */
export function allocationSummary(a: AllocationDoc) {
  return {
    id: a.id,
    unit: a.unit,
    grantedBy: a.grantedBy,
    parentId: a.parentId,
    line: { program: a.program, project: a.project, subProject: a.subProject, fiscalYear: a.fiscalYear, capitalType: a.capitalType, source: a.source },
    decision: a.decision,
    allocated: a.allocated,
    subAllocated: a.subAllocated,
    disbursed: a.disbursed,
    disbursedTotal: a.disbursedTotal,
    pending: a.pending ?? 0,
    available: subtract(subtract(subtract(a.allocated, a.subAllocated), a.disbursed), a.pending ?? 0),
    disbursementRate: percent(a.disbursedTotal, a.allocated),
    grantedAt: a.grantedAt,
    notes: a.notes ?? [],
    position: a._position,
  };
}

export async function allocationView(current: ReadStore, id: string, principal: Principal, q: TimeTravelQuery = {}) {
  const { reads, at } = await readingAt(current, q);
  const a = await allocationById(reads, principal, id);
  const children = await Promise.all(a.children.map((c) => reads.get<AllocationDoc>(ALLOCATIONS, c)));
  return {
    ...allocationSummary(a),
    children: children.filter((c): c is AllocationDoc => c !== null).map((c) => ({ id: c.id, unit: c.unit, allocated: c.allocated })),
    at,
  };
}
