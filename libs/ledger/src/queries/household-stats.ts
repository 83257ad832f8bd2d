import { CLASSIFICATIONS, invalid, percent, type Classification, type Principal } from '../../../domain/src';
import type { ReadStore } from '../ports/read-store.port';
import { HOUSEHOLD_STATS, type HouseholdStatsDoc } from '../projections/households.projection';
import { unitRef } from '../commands/lookups';
import { readingAt, type TimeTravelQuery } from './time-travel';

type Tally = { households: number; byClassification: Record<Classification, number>; deprivations: Record<string, number> };

const empty = (): Tally => ({ households: 0, byClassification: { poor: 0, near_poor: 0, average: 0, not_poor: 0 }, deprivations: {} });

function addTo(t: Tally, s: HouseholdStatsDoc): void {
  t.households += s.households;
  for (const c of CLASSIFICATIONS) t.byClassification[c] += s.byClassification[c];
  for (const [code, n] of Object.entries(s.deprivations)) t.deprivations[code] = (t.deprivations[code] ?? 0) + n;
}

/** Classes are keyed by their codes everywhere (as in the import summary and `classification`). */
const report = (t: Tally) => ({
  households: t.households,
  byClassification: { ...t.byClassification },
  rates: Object.fromEntries(CLASSIFICATIONS.map((c) => [c, percent(t.byClassification[c], t.households)])) as Record<Classification, number>,
  deprivations: Object.fromEntries(
    Object.entries(t.deprivations)
      .filter(([, n]) => n > 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  ),
});

/** Sums the per-commune counts kept by the households projection over a subtree of units. */
export async function householdStats(current: ReadStore, q: Readonly<{ unit?: string; reviewYear?: string }> & TimeTravelQuery, principal: Principal) {
  if (q.unit === undefined) throw invalid('unit', 'is required');
  if (q.reviewYear === undefined || !/^\d{4}$/.test(q.reviewYear)) throw invalid('reviewYear', 'is required: a year');
  const { reads, at } = await readingAt(current, q);
  const unit = await unitRef(reads, principal, 'unit', q.unit);
  const docs = (await reads.find<HouseholdStatsDoc>(HOUSEHOLD_STATS, { reviewYear: Number(q.reviewYear) })).filter((s) => s.unitPath.includes(unit.code));
  const all = empty();
  const byChild = new Map<string, Tally>(unit.children.map((c) => [c, empty()]));
  for (const s of docs) {
    addTo(all, s);
    const child = unit.children.find((c) => s.unitPath.includes(c));
    if (child) addTo(byChild.get(child)!, s);
  }
  return {
    unit: unit.code,
    reviewYear: Number(q.reviewYear),
    ...report(all),
    byUnit: [...byChild.entries()].map(([code, t]) => ({ unit: code, ...report(t) })),
    at,
  };
}
