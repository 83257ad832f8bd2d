import { invalid, readsEverything, type Principal } from '../../../domain/src';
import { assertReferenceVisible } from '../commands/lookups';
import type { EventStore, StoredEvent } from '../ports/event-store.port';
import type { ReadStore } from '../ports/read-store.port';
import { ALLOCATIONS } from '../projections/allocations.projection';
import { DISBURSEMENTS } from '../projections/disbursements.projection';
import { HOUSEHOLDS } from '../projections/households.projection';
import { UNITS, type UnitDoc } from '../projections/units.projection';
import { readingAt, type TimeTravelQuery } from './time-travel';
import type { HouseholdKeyStore } from '../personal-data/household-keys.port';
import { shownEventData } from '../personal-data/shown-personal-data';
import { eventVisible } from '../live/event-scope';

export type AuditQuery = Readonly<Partial<Record<'allocation' | 'household' | 'disbursement' | 'actor' | 'decision' | 'from' | 'to' | 'cursor', string>>> &
  Readonly<{ limit?: string | number }> &
  TimeTravelQuery;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day bound is a whole day in Asia/Ho_Chi_Minh; a timestamp bound is that instant. */
function bound(field: 'from' | 'to', value: string | undefined): number | null {
  if (value === undefined) return null;
  if (DAY.test(value)) {
    const start = Date.parse(`${value}T00:00:00+07:00`);
    if (Number.isNaN(start)) throw invalid(field, 'must be a date YYYY-MM-DD or an ISO 8601 timestamp');
    return field === 'from' ? start : start + 86_400_000 - 1;
  }
  const t = Date.parse(value);
  if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) throw invalid(field, 'must be a date YYYY-MM-DD or an ISO 8601 timestamp');
  return t;
}

export async function audit(events: EventStore, current: ReadStore, q: AuditQuery, principal: Principal, householdKeys: HouseholdKeyStore | null = null) {
  // At a past point the trail stops there, and references and scope are resolved as they stood.
  const { reads, at } = await readingAt(current, q);
  const limit = q.limit === undefined ? 100 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw invalid('limit', 'must be an integer from 1 to 1000');
  const cursor = q.cursor === undefined ? 0 : Number(q.cursor);
  if (!Number.isInteger(cursor) || cursor < 0) throw invalid('cursor', 'must be a cursor returned by a previous page');
  const from = bound('from', q.from);
  const to = bound('to', q.to);
  const keys: string[] = [];
  for (const [field, collection] of [
    ['allocation', ALLOCATIONS],
    ['household', HOUSEHOLDS],
    ['disbursement', DISBURSEMENTS],
  ] as const) {
    const v = q[field];
    if (v === undefined) continue;
    // One outside the reader's scope is answered as an unknown one: the trail never says it exists.
    await assertReferenceVisible(reads, principal, field, collection, v);
    keys.push(`${field}:${v}`);
  }
  if (q.actor !== undefined) keys.push(`actor:${q.actor}`);
  if (q.decision !== undefined) keys.push(`decision:${q.decision.trim()}`);

  const units = readsEverything(principal) ? null : new Map((await reads.find<UnitDoc>(UNITS)).map((u) => [u.code, u.path]));
  const allowed = (e: StoredEvent) => units === null || eventVisible(principal, e, (unit) => units.get(unit));
  const items: StoredEvent[] = [];
  let after = cursor;
  // Time bounds and scope are applied after the index lookup, so keep reading until the page is full.
  while (items.length < limit + 1) {
    const positions = await reads.queryIndex({ keys, afterPosition: after, limit: Math.max(2 * limit, 100) });
    if (positions.length === 0) break;
    for (const e of await events.readPositions(positions)) {
      const t = Date.parse(e.metadata.recordedAt);
      if (to !== null && t > to) continue;
      if ((from === null || t >= from) && allowed(e)) items.push(e);
      if (items.length === limit + 1) break;
    }
    after = positions[positions.length - 1]!;
  }
  const page = items.slice(0, limit);
  return {
    items: await Promise.all(
      page.map(async (e) => ({
        position: e.position,
        type: e.type,
        schemaVersion: e.schemaVersion,
        streamId: e.streamId,
        revision: e.revision,
        recordedAt: e.metadata.recordedAt,
        actor: e.metadata.actor,
        data: await shownEventData(e, principal, householdKeys, current),
        metadata: e.metadata,
        hash: e.hash,
      })),
    ),
    nextCursor: items.length > limit ? String(page[page.length - 1]!.position) : null,
    at,
  };
}
