import { assertCanRead, percent, subtract, type Principal } from '../../../domain/src';
import type { ReadStore } from '../ports/read-store.port';
import { ALLOCATIONS, type AllocationDoc } from '../projections/allocations.projection';
import { allocationById } from '../commands/lookups';
import { timeTravel, type TimeTravelQuery } from './time-travel';

export async function allocationView(current: ReadStore, id: string, principal: Principal, at: TimeTravelQuery = {}) {
  const { reads, position } = await timeTravel(current, at);
  const a = await allocationById(reads, id);
  assertCanRead(principal, a.unitPath);
  const children = await Promise.all(a.children.map((c) => reads.get<AllocationDoc>(ALLOCATIONS, c)));
  return {
    id: a.id,
    unit: a.unit,
    grantedBy: a.grantedBy,
    parentId: a.parentId,
    line: { program: a.program, project: a.project, subProject: a.subProject, fiscalYear: a.fiscalYear, capitalType: a.capitalType, source: a.source },
    decision: a.decision,
    children: children.filter((c): c is AllocationDoc => c !== null).map((c) => ({ id: c.id, unit: c.unit, allocated: c.allocated })),
    allocated: a.allocated,
    subAllocated: a.subAllocated,
    disbursed: a.disbursed,
    disbursedTotal: a.disbursedTotal,
    available: subtract(subtract(a.allocated, a.subAllocated), a.disbursed),
    disbursementRate: percent(a.disbursedTotal, a.allocated),
    grantedAt: a.grantedAt,
    notes: a.notes ?? [],
    position: a._position,
    ...(position === null ? {} : { asOfPosition: position }),
  };
}
