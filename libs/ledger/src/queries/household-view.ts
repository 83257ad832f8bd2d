import type { Principal } from '../../../domain/src';
import { householdById } from '../commands/lookups';
import type { ReadStore } from '../ports/read-store.port';
import { readingAt, type TimeTravelQuery } from './time-travel';

export async function householdView(current: ReadStore, id: string, principal: Principal, q: TimeTravelQuery = {}) {
  const { reads, at } = await readingAt(current, q);
  const h = await householdById(reads, principal, id);
  const { _position, unitPath: _path, ...rest } = h;
  return { ...rest, classification: h.current?.classification ?? null, standard: h.current?.standard ?? null, position: _position, at };
}
