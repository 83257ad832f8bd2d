import { CATALOGUE, add, assertDay, invalid, percent, subtract, unknownReference, type Principal } from '../../../domain/src';
import type { ReadStore, Scalar } from '../ports/read-store.port';
import { ALLOCATIONS, type AllocationDoc } from '../projections/allocations.projection';
import { DISBURSED_BY_DAY, type DisbursedOnDayDoc } from '../projections/disbursed-by-day.projection';
import { unitRef } from '../commands/lookups';
import { visible } from './scope';
import { readingAt, type TimeTravelQuery } from './time-travel';

export const GROUP_KEYS = ['program', 'project', 'subProject', 'fiscalYear', 'capitalType', 'source', 'unit'] as const;
type GroupKey = (typeof GROUP_KEYS)[number];

export type BalancesQuery = Readonly<
  Partial<Record<'fiscalYear' | 'unit' | 'program' | 'project' | 'subProject' | 'capitalType' | 'source' | 'groupBy' | 'valueDate', string>>
> &
  TimeTravelQuery;

/**
 * The figures of a set of allocations (a row, or the total), named and computed as on
 * GET /allocations/{id} so that a row holding one allocation shows exactly its figures. Each đồng
 * counts once: a sub-allocation whose parent is in the same set is money the set already holds,
 * so `allocated` is what entered the set from outside it (the allocations whose parent is not in
 * it), `subAllocated` what the set passed down out of it, `disbursed` what its allocations paid
 * themselves, and `disbursementRate` = what was paid from the set's money (its topmost
 * allocations and everything below them) ÷ allocated. Hence allocated − subAllocated, disbursed
 * and available of the rows add up to the total's.
 */
type Member = Readonly<{ a: AllocationDoc; disbursed: number; disbursedTotal: number }>;

function figures(members: readonly Member[]) {
  const ids = new Set(members.map((m) => m.a.id));
  let allocated = 0;
  let subAllocated = 0;
  let disbursed = 0;
  let disbursedTotal = 0;
  let pending = 0;
  for (const { a, disbursed: paid, disbursedTotal: paidBelow } of members) {
    pending = add(pending, a.pending ?? 0);
    if (a.parentId === null || !ids.has(a.parentId)) allocated = add(allocated, a.allocated);
    else subAllocated = subtract(subAllocated, a.allocated);
    subAllocated = add(subAllocated, a.subAllocated);
    disbursed = add(disbursed, paid);
    if (!a.ancestry.some((id) => ids.has(id))) disbursedTotal = add(disbursedTotal, paidBelow);
  }
  return {
    allocated,
    subAllocated,
    disbursed,
    pending,
    available: subtract(subtract(subtract(allocated, subAllocated), disbursed), pending),
    disbursementRate: percent(disbursedTotal, allocated),
  };
}

export async function balances(current: ReadStore, q: BalancesQuery, principal: Principal) {
  const { reads, at } = await readingAt(current, q);
  if (q.valueDate !== undefined) assertDay('valueDate', q.valueDate);
  const where: Record<string, Scalar> = {};
  if (q.fiscalYear !== undefined) {
    if (!/^\d{4}$/.test(q.fiscalYear)) throw invalid('fiscalYear', 'must be a year');
    where.fiscalYear = Number(q.fiscalYear);
  }
  if (q.program !== undefined && !CATALOGUE.some((p) => p.code === q.program)) throw unknownReference('program', q.program);
  const projects = CATALOGUE.flatMap((p) => p.projects);
  if (q.project !== undefined && !projects.some((p) => p.code === q.project)) throw unknownReference('project', q.project);
  if (q.subProject !== undefined && !projects.some((p) => p.subProjects.some((s) => s.code === q.subProject)))
    throw unknownReference('subProject', q.subProject);
  for (const f of ['program', 'project', 'subProject', 'capitalType', 'source'] as const) if (q[f] !== undefined) where[f] = q[f]!;
  const groupBy = (q.groupBy ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean) as GroupKey[];
  for (const g of groupBy) if (!GROUP_KEYS.includes(g)) throw invalid('groupBy', `'${g}' is not one of ${GROUP_KEYS.join(', ')}`);

  let unitFilter: string | null = null;
  if (q.unit !== undefined) {
    const unit = await unitRef(reads, principal, 'unit', q.unit);
    unitFilter = unit.code;
  }
  const all = await reads.find<AllocationDoc>(ALLOCATIONS, where);
  const docs = all.filter((a) => (unitFilter === null || a.unitPath.includes(unitFilter)) && visible(principal, a.unitPath));
  let disbursedOf = (a: AllocationDoc): number => a.disbursed;
  let disbursedTotalOf = (a: AllocationDoc): number => a.disbursedTotal;
  if (q.valueDate !== undefined) {
    const byAllocation = new Map<string, number>();
    for (const day of await reads.find<DisbursedOnDayDoc>(DISBURSED_BY_DAY, where)) {
      if (day.valueDate <= q.valueDate) byAllocation.set(day.allocationId, add(byAllocation.get(day.allocationId) ?? 0, day.disbursed));
    }
    // What an allocation and those below it paid by the value date (they share its budget line, so `all` holds them).
    const below = new Map<string, number>();
    for (const a of all) {
      const paid = byAllocation.get(a.id) ?? 0;
      for (const id of [a.id, ...a.ancestry]) below.set(id, add(below.get(id) ?? 0, paid));
    }
    disbursedOf = (a) => byAllocation.get(a.id) ?? 0;
    disbursedTotalOf = (a) => below.get(a.id) ?? 0;
  }
  const rows = new Map<string, { keys: Record<string, unknown>; members: Member[] }>();
  const members: Member[] = [];
  for (const a of docs.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    const member = { a, disbursed: disbursedOf(a), disbursedTotal: disbursedTotalOf(a) };
    const id = JSON.stringify(groupBy.map((g) => a[g]));
    const row = rows.get(id) ?? { keys: Object.fromEntries(groupBy.map((g) => [g, a[g]])), members: [] };
    row.members.push(member);
    rows.set(id, row);
    members.push(member);
  }
  return {
    rows: [...rows.values()]
      .sort((x, y) => JSON.stringify(Object.values(x.keys)).localeCompare(JSON.stringify(Object.values(y.keys))))
      .map((r) => ({ ...r.keys, ...figures(r.members) })),
    total: figures(members),
    at: q.valueDate === undefined ? at : { ...at, valueDate: q.valueDate },
  };
}
