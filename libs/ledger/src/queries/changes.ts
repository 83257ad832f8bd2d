import { invalid, readsEverything, subtract, type Principal } from '../../../domain/src';
import type { EventStore, StoredEvent } from '../ports/event-store.port';
import type { HistoricalReadStore, ReadStore } from '../ports/read-store.port';
import { ALLOCATIONS, allocationsProjection, type AllocationDoc } from '../projections/allocations.projection';
import { UNITS, type UnitDoc } from '../projections/units.projection';
import { unitRef } from '../commands/lookups';
import { upcast } from '../schema/upcasters';
import { visible } from './scope';
import { openListing } from './list-page';
import { historical, parseInstant, parsePosition, readsAt } from './time-travel';
import type { HouseholdKeyStore } from '../personal-data/household-keys.port';
import { shownEventData } from '../personal-data/shown-personal-data';

export type ChangesQuery = Readonly<Partial<Record<'from' | 'to' | 'unit', string>>> & Readonly<{ limit?: number | string; cursor?: unknown }>;

export type BalanceFigures = Readonly<{ allocated: number; subAllocated: number; disbursed: number; available: number }>;

export type AllocationMove = Readonly<{
  id: string;
  unit: string;
  /** null: the allocation did not exist yet at `from`. */
  before: BalanceFigures | null;
  after: BalanceFigures;
  delta: BalanceFigures;
}>;

export type ChangedEvent = Readonly<{
  position: number;
  type: string;
  schemaVersion: number;
  streamId: string;
  recordedAt: string;
  actor: StoredEvent['metadata']['actor'];
  data: unknown;
}>;

const ZERO: BalanceFigures = { allocated: 0, subAllocated: 0, disbursed: 0, available: 0 };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const figures = (a: AllocationDoc): BalanceFigures => ({
  allocated: a.allocated,
  subAllocated: a.subAllocated,
  disbursed: a.disbursed,
  available: subtract(subtract(subtract(a.allocated, a.subAllocated), a.disbursed), a.pending ?? 0),
});

/**
 * A bound of /changes or `ledger diff`: a position, or a moment. `from` is exclusive (changes
 * after the books as they stood then: a day means from its start), `to` inclusive (a day means
 * by its end); both in Asia/Ho_Chi_Minh for days.
 */
async function bound(reads: HistoricalReadStore, field: 'from' | 'to', value: string | undefined, head: number): Promise<number> {
  if (value === undefined) return field === 'from' ? 0 : head;
  if (/^\d+$/.test(value)) {
    const position = parsePosition(field, value);
    if (position > head) throw invalid(field, `the log has reached position ${head}, not ${position}`);
    return position;
  }
  if (field === 'from' && DAY.test(value)) {
    const start = Date.parse(parseInstant(field, value, 'start'));
    return reads.positionAt(new Date(start - 1).toISOString());
  }
  return reads.positionAt(parseInstant(field, value));
}

/**
 * GET /changes and `ledger diff`: what was recorded after `from` up to `to`, and how the balance of
 * each allocation those events touched moved. Scoped like every read: events and allocations
 * outside the reader's units are left out, and `unit` narrows to a subtree.
 */
export async function changes(events: EventStore, current: ReadStore, q: ChangesQuery, principal: Principal, keys: HouseholdKeyStore | null = null) {
  const reads = historical(current);
  const head = await reads.checkpoint();
  const from = await bound(reads, 'from', q.from, head);
  // The listing answers for `to`: its cursor keeps it, so later pages are cut where the first was.
  const asked = q.cursor === undefined ? { atPosition: String(await bound(reads, 'to', q.to, head)) } : {};
  const listing = await openListing(current, { limit: q.limit, cursor: q.cursor, ...asked }, 'changes', { from: q.from, to: q.to, unit: q.unit });
  const to = listing.at.position;
  if (from > to) throw invalid('from', `is after to (position ${from} > ${to})`);
  const after = readsAt(reads, to);
  const before = readsAt(reads, from);

  let unitFilter: string | null = null;
  if (q.unit !== undefined) {
    const unit = await unitRef(after, principal, 'unit', q.unit);
    unitFilter = unit.code;
  }
  const units = new Map((await after.find<UnitDoc>(UNITS)).map((u) => [u.code, u.path]));
  const inScope = (path: readonly string[]) => (unitFilter === null || path.includes(unitFilter)) && visible(principal, path);
  const eventInScope = (e: StoredEvent) => {
    const unit = (e.data as { unit?: string; code?: string }).unit ?? (e.type === 'UnitRegistered' ? (e.data as { code: string }).code : undefined);
    if (unit === undefined) return unitFilter === null && readsEverything(principal);
    return inScope(units.get(unit) ?? [unit]);
  };

  const byType: Record<string, number> = {};
  const items: ChangedEvent[] = [];
  let count = 0;
  const touched = new Set<string>();
  for (let cursor = from; cursor < to;) {
    const page = await events.readAll(cursor, Math.min(5000, to - cursor));
    if (page.length === 0) break;
    for (const stored of page) {
      if (stored.position > to) break;
      const e = upcast(stored);
      if (allocationsProjection.handles.has(e.type)) for (const r of allocationsProjection.touches(e)) if (r.collection === ALLOCATIONS) touched.add(r.id);
      if (!eventInScope(e)) continue;
      count += 1;
      byType[e.type] = (byType[e.type] ?? 0) + 1;
      // Every event in range is counted; only the page's are kept (and one more, to know there is a next page).
      if ((listing.after === null || e.position > (listing.after as number)) && items.length <= listing.limit) {
        items.push({
          position: e.position,
          type: e.type,
          schemaVersion: stored.schemaVersion,
          streamId: e.streamId,
          recordedAt: e.metadata.recordedAt,
          actor: e.metadata.actor,
          data: await shownEventData(e, principal, keys, current),
        });
      }
    }
    cursor = page[page.length - 1]!.position;
  }

  const moves: AllocationMove[] = [];
  for (const id of [...touched].sort()) {
    const now = await after.get<AllocationDoc>(ALLOCATIONS, id);
    if (!now || !inScope(now.unitPath)) continue;
    const then = await before.get<AllocationDoc>(ALLOCATIONS, id);
    const b = then ? figures(then) : null;
    const a = figures(now);
    const base = b ?? ZERO;
    const delta = {
      allocated: subtract(a.allocated, base.allocated),
      subAllocated: subtract(a.subAllocated, base.subAllocated),
      disbursed: subtract(a.disbursed, base.disbursed),
      available: subtract(a.available, base.available),
    };
    moves.push({ id, unit: now.unit, before: b, after: a, delta });
  }
  const page = listing.page(items, (e) => e.position);
  return {
    from: { position: from },
    to: { position: to },
    recorded: { events: count, byType: Object.fromEntries(Object.entries(byType).sort(([x], [y]) => x.localeCompare(y))) },
    items: page.items,
    nextCursor: page.nextCursor,
    allocations: moves,
    at: { position: to },
  };
}
