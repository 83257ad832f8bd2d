import { CATALOGUE, add, assertCanRead, assertDay, invalid, percent, subtract, unknownReference, type Principal } from '../../../domain/src';
import type { ReadStore, Scalar } from '../ports/read-store.port';
import { ALLOCATIONS, type AllocationDoc } from '../projections/allocations.projection';
import { DISBURSED_BY_DAY, type DisbursedOnDayDoc } from '../projections/disbursed-by-day.projection';
import { unitRef } from '../commands/lookups';
import { visible } from './scope';
import { timeTravel, type TimeTravelQuery } from './time-travel';

export const GROUP_KEYS = ['program', 'project', 'subProject', 'fiscalYear', 'capitalType', 'source', 'unit'] as const;
type GroupKey = (typeof GROUP_KEYS)[number];

export type BalancesQuery = Readonly<Partial<Record<'fiscalYear' | 'unit' | 'program' | 'project' | 'subProject' | 'capitalType' | 'source' | 'groupBy' | 'valueDate', string>>> &
  TimeTravelQuery;

type Figures = { allocated: number; disbursed: number };

const finish = (f: Figures) => ({
  allocated: f.allocated,
  disbursed: f.disbursed,
  available: subtract(f.allocated, f.disbursed),
  disbursementRate: percent(f.disbursed, f.allocated),
});

/**
 * Each đồng counts once: an allocation contributes what it kept (allocated − passed down) and what
 * it disbursed itself, so a district's total does not count again what its communes received, and
 * rows grouped by unit add up to the total.
 *
 * Two time axes combine: `asOf`/`atPosition` picks what the books knew (a prefix of the log),
 * `valueDate` keeps only the disbursements and reversals whose value date is on or before it
 * ("what did we know on 15 Jan 2023 about what had been paid by 31 Dec 2022"). Allocations have no
 * value date: the allocated figures are those known at the chosen point.
 */
export async function balances(current: ReadStore, q: BalancesQuery, principal: Principal) {
  const { reads, position } = await timeTravel(current, q);
  if (q.valueDate !== undefined) assertDay('valueDate', q.valueDate);
  const where: Record<string, Scalar> = {};
  if (q.fiscalYear !== undefined) {
    if (!/^\d{4}$/.test(q.fiscalYear)) throw invalid('fiscalYear', 'must be a year');
    where.fiscalYear = Number(q.fiscalYear);
  }
  if (q.program !== undefined && !CATALOGUE.some((p) => p.code === q.program)) throw unknownReference('program', q.program);
  const projects = CATALOGUE.flatMap((p) => p.projects);
  if (q.project !== undefined && !projects.some((p) => p.code === q.project)) throw unknownReference('project', q.project);
  if (q.subProject !== undefined && !projects.some((p) => p.subProjects.some((s) => s.code === q.subProject))) throw unknownReference('subProject', q.subProject);
  for (const f of ['program', 'project', 'subProject', 'capitalType', 'source'] as const) if (q[f] !== undefined) where[f] = q[f]!;
  const groupBy = (q.groupBy ?? '').split(',').map((s) => s.trim()).filter(Boolean) as GroupKey[];
  for (const g of groupBy) if (!GROUP_KEYS.includes(g)) throw invalid('groupBy', `'${g}' is not one of ${GROUP_KEYS.join(', ')}`);

  let unitFilter: string | null = null;
  if (q.unit !== undefined) {
    const unit = await unitRef(reads, 'unit', q.unit);
    assertCanRead(principal, unit.path);
    unitFilter = unit.code;
  }
  const docs = (await reads.find<AllocationDoc>(ALLOCATIONS, where)).filter(
    (a) => (unitFilter === null || a.unitPath.includes(unitFilter)) && visible(principal, a.unitPath),
  );
  let disbursedOf = (a: AllocationDoc): number => a.disbursed;
  if (q.valueDate !== undefined) {
    const byAllocation = new Map<string, number>();
    for (const day of await reads.find<DisbursedOnDayDoc>(DISBURSED_BY_DAY, where)) {
      if (day.valueDate <= q.valueDate) byAllocation.set(day.allocationId, add(byAllocation.get(day.allocationId) ?? 0, day.disbursed));
    }
    disbursedOf = (a) => byAllocation.get(a.id) ?? 0;
  }
  const rows = new Map<string, { keys: Record<string, unknown>; figures: Figures }>();
  const total: Figures = { allocated: 0, disbursed: 0 };
  for (const a of docs.sort((x, y) => x.id.localeCompare(y.id))) {
    const kept = subtract(a.allocated, a.subAllocated);
    const keys = Object.fromEntries(groupBy.map((g) => [g, a[g]]));
    const id = JSON.stringify(groupBy.map((g) => a[g]));
    const row = rows.get(id) ?? { keys, figures: { allocated: 0, disbursed: 0 } };
    const disbursed = disbursedOf(a);
    row.figures = { allocated: add(row.figures.allocated, kept), disbursed: add(row.figures.disbursed, disbursed) };
    rows.set(id, row);
    total.allocated = add(total.allocated, kept);
    total.disbursed = add(total.disbursed, disbursed);
  }
  return {
    rows: [...rows.values()]
      .sort((x, y) => JSON.stringify(Object.values(x.keys)).localeCompare(JSON.stringify(Object.values(y.keys))))
      .map((r) => ({ ...r.keys, ...finish(r.figures) })),
    total: finish(total),
    ...(position === null && q.valueDate === undefined ? {} : { at: { position: position ?? (await reads.checkpoint()), valueDate: q.valueDate ?? null } }),
  };
}
