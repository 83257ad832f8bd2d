import { assertCanRead, notFound, type Principal } from '../../../domain/src';
import type { ReadStore } from '../ports/read-store.port';
import { HOUSEHOLDS, type HouseholdDoc } from '../projections/households.projection';
import { readingAt, type TimeTravelQuery } from './time-travel';

export async function householdView(current: ReadStore, id: string, principal: Principal, q: TimeTravelQuery = {}) {
  const { reads, at } = await readingAt(current, q);
  const h = await reads.get<HouseholdDoc>(HOUSEHOLDS, id);
  if (!h) throw notFound('household', id);
  assertCanRead(principal, h.unitPath);
  const { _position, unitPath: _path, ...rest } = h;
  return { ...rest, classification: h.current?.classification ?? null, standard: h.current?.standard ?? null, position: _position, at };
}
